using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests;

/// <summary>
/// axe-core finds no serious or critical violation on any console page. The pages are found by
/// following the console's own links from the overview as an administrator holding every
/// permission, so a new page is checked once something links to it.
/// </summary>
public sealed class AccessibilityTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public void The_sign_in_page_has_no_serious_violation()
    {
        Open("console/sign-in");
        Assert.Empty(AxeCheck.SeriousViolations(Browser));
    }

    /// <summary>The focus ring's outer colour stands out at least 3:1 from the page (WCAG 2.2, 1.4.11 and 2.4.13).</summary>
    [Fact]
    public void The_focus_ring_contrasts_at_least_three_to_one()
    {
        Open("console/sign-in");
        var field = Browser.Field("Email");
        field.Click();

        var shadow = (string)Browser.Driver.ExecuteScript("return getComputedStyle(document.activeElement).boxShadow;")!;
        var colours = System.Text.RegularExpressions.Regex.Matches(shadow, @"rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)");
        Assert.True(colours.Count > 0, $"No focus ring: box-shadow is '{shadow}'.");
        var ring = colours[^1];
        var alpha = ring.Groups[4].Success ? double.Parse(ring.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        double Channel(int i) => (int.Parse(ring.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture) * alpha) + (255 * (1 - alpha));
        static double Linear(double c) => c / 255 <= 0.03928 ? c / 255 / 12.92 : Math.Pow(((c / 255) + 0.055) / 1.055, 2.4);
        var luminance = (0.2126 * Linear(Channel(1))) + (0.7152 * Linear(Channel(2))) + (0.0722 * Linear(Channel(3)));
        var contrast = 1.05 / (luminance + 0.05);
        Assert.True(contrast >= 3, $"The focus ring '{shadow}' contrasts {contrast:F2}:1 with a white page.");
    }

    [Fact]
    public void The_check_finds_a_button_without_a_name()
    {
        // The check itself can fail: a button with no name is a critical violation.
        Open("console/sign-in");
        Browser.Driver.ExecuteScript("document.querySelector('main').appendChild(document.createElement('button'));");
        Assert.Contains(AxeCheck.SeriousViolations(Browser), v => v.Contains("button-name (critical)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_page_an_administrator_reaches_has_no_serious_violation()
    {
        await SignInToNewTenantAsync();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(["/console"]);
        var violations = new List<string>();
        while (queue.Count > 0 && seen.Count < 60)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            Open(path.TrimStart('/'));
            violations.AddRange(AxeCheck.SeriousViolations(Browser));
            foreach (var link in Links())
            {
                queue.Enqueue(link);
            }
        }

        Assert.True(seen.Count >= 10, $"Only {seen.Count} pages were reached: {string.Join(", ", seen)}");
        Assert.True(violations.Count == 0, "Serious or critical accessibility violations:\n" + string.Join("\n", violations));
    }

    /// <summary>The console pages this page links to, without their query (one visit per page) and never a sign-out.</summary>
    private List<string> Links() =>
        [.. Browser.Driver.FindElements(By.CssSelector("a[href^='/console']"))
            .Select(a => a.GetAttribute("href"))
            .OfType<string>()
            .Select(href => new Uri(href).AbsolutePath)
            .Where(p => !p.Contains("sign-out", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("/console/assets", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
}
