using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Employees;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages;

/// <summary>The signed-in person's own settings: the console's language and the time zone dates are shown in.</summary>
public sealed class AccountModel(SetPersonalPreferences preferences) : ConsolePageModel
{
    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    /// <summary>The IANA time zones this server knows, by name.</summary>
    public IReadOnlyList<string> Zones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public void OnGet()
    {
        Language = ConsoleLanguages.Match(User.PreferredLanguage());
        TimeZone = User.TimeZoneName();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await preferences.ExecuteAsync(Actor, new PersonalPreferences(Language, TimeZone), cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error, !string.IsNullOrEmpty(Language) && ConsoleLanguages.Match(Language) is null ? nameof(Language) : nameof(TimeZone));
            return Page();
        }

        // The next request reads the new language from the profile; say it in that language.
        var culture = System.Globalization.CultureInfo.GetCultureInfo(result.Value.Language ?? BrowserLanguage());
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = culture;
        try
        {
            Notice = T["Your settings are saved."];
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }

        return Redirect("/console/account");
    }

    /// <summary>The language the browser asks for, as the next request will choose it without a setting of the person's.</summary>
    private string BrowserLanguage() =>
        Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => ConsoleLanguages.Match(l.Value.Value))
            .FirstOrDefault(l => l is not null) ?? ConsoleLanguages.English;
}
