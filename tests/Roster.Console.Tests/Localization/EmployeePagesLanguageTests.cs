using System.Globalization;
using System.Text.RegularExpressions;
using OpenQA.Selenium.Support.UI;
using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Localization;

/// <summary>
/// The Employees pages (list, new, a profile) in each language the console speaks besides
/// English, chosen on the person's own settings: the labels are the resource file's, and no
/// phrase of the English wording is left on the page.
/// </summary>
public sealed partial class EmployeePagesLanguageTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Theory]
    [InlineData("ja")]
    [InlineData("ko")]
    [InlineData("zh-Hans")]
    public async Task The_employee_pages_speak_the_person_s_language_with_no_english_left(string language)
    {
        var said = UntranslatedTextTests.TranslationsOf(language);
        var english = EnglishPhrases(said);
        Assert.Contains("Roles held, and why", english);
        var tenant = await SignInToNewTenantAsync();
        Open("console/account");
        new SelectElement(Browser.Find(By.Id("Language"))).SelectByValue(language);
        Browser.Find(By.CssSelector("form.form button[type=submit]")).Click();
        Browser.Until(d => d.FindElement(By.TagName("html")).GetAttribute("lang") == language);

        // A new organization provisions by SCIM: the list offers credential-only profiles and says why.
        Open("console/employees");
        Assert.Equal(said["Employees"], Browser.Heading);
        Assert.Equal(said["Create credential-only profile"], Browser.Find(By.CssSelector("a.button.primary")).Text);
        Assert.Contains(said["Primary role"], Browser.Find(By.CssSelector("table thead")).Text, StringComparison.Ordinal);
        NoEnglish(english);

        await Server.TurnScimOffAsync(tenant.OrgId);
        Open("console/employees");
        Browser.Click(said["Create employee"]);
        Assert.Equal(said["Create employee"], Browser.Heading);
        Assert.Equal(said["Attributes that affect billing"], Browser.Find(By.CssSelector("fieldset.field:not(#other-roles) legend")).Text);
        NoEnglish(english);

        // A refusal of the use case is said in the language too, next to its box.
        var email = $"hanako-{Guid.NewGuid().ToString("N")[..8]}@example.com";
        Browser.Type(said["Email"], email);
        Browser.Click(said["Create"]);
        Assert.Equal(said["An employee needs a first name."], Browser.ErrorFor("FirstName"));
        NoEnglish(english);

        Browser.Type(said["First name"], "花子");
        Browser.Type(said["Last name"], "山田");
        Browser.Click(said["Create"]);
        Browser.Sees(string.Format(CultureInfo.InvariantCulture, said["Employee {0} created. Invite them so they can activate the account."], email));
        NoEnglish(english);

        Browser.Click("花子 山田");
        Browser.Until(d => d.FindElements(By.Id("held-heading")).Count > 0);
        Assert.Equal(said["Roles held, and why"], Browser.Find(By.Id("held-heading")).Text);
        Assert.Equal(said["Profile"], Browser.Find(By.CssSelector("nav.tabs a[aria-current=page]")).Text);
        Assert.Equal(said["Invited"], Browser.Find(By.CssSelector("h1 .badge")).Text);
        Browser.Sees(said["No role: this person holds no permission."]);
        NoEnglish(english);
    }

    /// <summary>Fails when the page shows one of <paramref name="english"/>.</summary>
    private void NoEnglish(IReadOnlyList<string> english)
    {
        var text = Browser.Text;
        var left = english.Where(phrase => text.Contains(phrase, StringComparison.Ordinal)).ToList();
        Assert.True(left.Count == 0, $"{Browser.Driver.Url} shows English: \"{string.Join("\", \"", left)}\". It shows:\n{text}");
    }

    /// <summary>
    /// Every phrase of two words or more of the console's English wording (the resource keys, cut
    /// at their placeholders and markup), less those a translation keeps as they are ("SCIM
    /// token", "Entra ID").
    /// </summary>
    private static List<string> EnglishPhrases(Dictionary<string, string> said)
    {
        var translated = string.Join("\n", said.Values);
        return [.. said.Keys
            .SelectMany(key => PlaceholderOrTag().Split(key))
            .Select(phrase => phrase.Trim(' ', '.', ',', ':', ';', '(', ')', '"', '\'', '?', '!'))
            .Where(phrase => phrase.Contains(' ', StringComparison.Ordinal) && phrase.Any(char.IsLetter))
            .Where(phrase => !translated.Contains(phrase, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}|<[^>]*>")]
    private static partial Regex PlaceholderOrTag();
}
