namespace Roster.Console.Tests.Localization;

/// <summary>
/// No page of the console writes a sentence straight into its markup, where no translation can
/// reach it: every visible word goes through <c>T[...]</c> or <c>H[...]</c> (see
/// <see cref="MarkupText"/> for what is read). <see cref="UntranslatedTextTests"/> then checks
/// that each of those has a translation.
/// </summary>
public sealed class MarkupTextTests
{
    /// <summary>
    /// Pages whose localization is under way elsewhere, read but not held to the rule yet. Temporary:
    /// empty it once they are localized (<see cref="Pages_waiting_for_localization_still_need_it"/>
    /// says when).
    /// </summary>
    private static readonly string[] NotLocalizedYet = [];

    /// <summary>Words that read the same in every language the console speaks.</summary>
    private static readonly string[] SameInEveryLanguage =
    [
        // The product's name: the brand in the header and the end of every page's title.
        "Roster",

        // The time standard, first in the list of time zones; every language writes it so.
        "UTC",

        // An identity provider's name, as the example of a connection's or a token's name.
        "Okta",
    ];

    /// <summary>Example values shown as placeholders: what to type, not words to read.</summary>
    private static readonly string[] ExampleValues =
    [
        // A domain to verify (Security/Domains).
        "example.com",

        // A role rule's group display name (Security/RoleRules).
        "Support-Tier2",

        // A webhook's event types, as the API spells them (Developer/Webhooks).
        "user.* group.*",
    ];

    [Fact]
    public void No_page_writes_english_straight_into_its_markup()
    {
        var console = Path.Combine(UntranslatedTextTests.RepositoryRoot(), "src", "Roster.Server", "Console");
        var pages = Pages(console);
        Assert.True(pages.Count > 40, $"Only {pages.Count} pages were found under {console}; the reading is broken.");

        var written = pages
            .Where(p => !NotLocalizedYet.Contains(p.Name))
            .SelectMany(p => English(p.Text).Select(t => $"{p.Name}:{t.Line} {t.Kind}: \"{t.Text}\""))
            .ToList();

        Assert.True(written.Count == 0, "Text written straight into a page (say it through T[\"...\"] and add its translations):\n" + string.Join("\n", written));
    }

    [Fact]
    public void Pages_waiting_for_localization_still_need_it()
    {
        var console = Path.Combine(UntranslatedTextTests.RepositoryRoot(), "src", "Roster.Server", "Console");
        var done = Pages(console).Where(p => NotLocalizedYet.Contains(p.Name) && English(p.Text).Count == 0).Select(p => p.Name).ToList();
        Assert.True(done.Count == 0, "These pages are localized now: take them out of NotLocalizedYet, so that they stay so:\n" + string.Join("\n", done));
    }

    [Fact]
    public void The_reading_finds_english_in_text_and_attributes_and_nothing_in_razor()
    {
        // The employees list as it was written before it was localized (abridged).
        const string english = """
            @page "/console/employees"
            @{
                ViewData["Title"] = "Employees";
                string PageLink(int page) => $"?search={Uri.EscapeDataString(Model.Search ?? "")}&p={page}";
            }
            <h1>Employees</h1>
            <input type="search" id="search" name="search" value="@Model.Search" placeholder="Name or email" />
            @foreach (var employee in Model.Employees.Employees)
            {
                var canEdit = Model.Can(Permission.EmployeesEdit);
                <td>@(employee.PrimaryRoleName ?? "None")</td>
                <button type="submit" aria-label="Invite @employee.Email">@T["Invite"]</button>
            }
            <span>Page @Model.Employees.Page of @Model.LastPage (@Model.Employees.TotalCount employees)</span>
            <input type="submit" value="Filter" />
            """;
        var found = MarkupText.Find(english).Select(f => (f.Kind, f.Text)).ToList();
        Assert.Equal(
            [("title", "Employees"), ("placeholder", "Name or email"), ("aria-label", "Invite"), ("value", "Filter"), ("text", "Employees"), ("text", "Page of ( employees)")],
            found);

        const string localized = """
            @page "/console/employees"
            @model Roster.Server.Console.Pages.Employees.IndexModel
            @* A comment in English is no text. *@
            @{
                ViewData["Title"] = T["Employees"].Value;
                // A note with <b>markup</b> and "quotes" in the code.
            }
            <h1>@T["Employees"]</h1>
            <input type="search" value="@Model.Search" placeholder="@T["Name or email"]" />
            @if (Model.ManagedByScim)
            {
                <p>@H["SCIM provisioning is on (<a href=\"{0}\">settings</a>).", "/console/security/login/scim"]</p>
            }
            else if (Model.Count > 0)
            {
                var id = $"row-{Model.Count}";
                <span title="@T["Copy: {0}", Model.Items[0].Label]">@Model.Employee?.Name @Html.When(Model.Created)</span>
            }
            <button type="submit" name="decision" value="allow">@T["Allow"]</button>
            <p><code>employees.edit</code> <!-- A note in English. --> user@example.org</p>
            """;
        Assert.Equal(["user@example.org"], MarkupText.Find(localized).Select(f => f.Text));
    }

    private static List<(string Name, string Text)> Pages(string console) =>
        [.. System.IO.Directory.EnumerateFiles(console, "*.cshtml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(console, f).Replace('\\', '/'), File.ReadAllText(f)))];

    /// <summary>What <see cref="MarkupText"/> finds in a page, less the words and example values that stay as they are.</summary>
    private static List<(int Line, string Kind, string Text)> English(string page) =>
        [.. MarkupText.Find(page).Where(t => !Untranslatable(t.Kind, t.Text))];

    private static bool Untranslatable(string kind, string text)
    {
        if (kind == "placeholder" && (ExampleValues.Contains(text) || (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)))
        {
            // A URL in a placeholder is an example of one to paste.
            return true;
        }

        var rest = SameInEveryLanguage.Aggregate(text, (t, word) => t.Replace(word, "", StringComparison.Ordinal));
        return !MarkupText.HasLetters(rest);
    }
}
