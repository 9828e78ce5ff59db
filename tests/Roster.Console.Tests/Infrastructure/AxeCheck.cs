using System.Text.Json;
using Deque.AxeCore.Commons;

namespace Roster.Console.Tests.Infrastructure;

/// <summary>
/// axe-core run inside the browser on the page it shows. The script is the one bundled in the
/// Deque.AxeCore.Commons package, so the check needs no network.
/// </summary>
public static class AxeCheck
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>The serious and critical violations of the current page, one line each (rule, impact, first elements).</summary>
    public static IReadOnlyList<string> SeriousViolations(ChromiumBrowser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var driver = browser.Driver;
        driver.ExecuteScript(Script.Value);
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(30);
        var json = (string?)driver.ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1];" +
            "axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));");
        using var document = JsonDocument.Parse(json ?? "[]");
        var found = new List<string>();
        foreach (var violation in document.RootElement.EnumerateArray())
        {
            var impact = violation.TryGetProperty("impact", out var i) ? i.GetString() : null;
            if (impact is not ("serious" or "critical"))
            {
                continue;
            }

            var targets = violation.GetProperty("nodes").EnumerateArray().Take(3)
                .Select(n => n.TryGetProperty("target", out var t) ? t.ToString() : "?");
            found.Add($"{driver.Url}: {violation.GetProperty("id").GetString()} ({impact}): {violation.GetProperty("help").GetString()} at {string.Join(", ", targets)}");
        }

        return found;
    }
}
