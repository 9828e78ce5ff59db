using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Employees;
using Roster.Directory.SecondFactors;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages;

/// <summary>
/// The signed-in person's own settings: the console's language, the time zone dates are shown in,
/// and their second factor: set up an authenticator app (the secret and the recovery codes are
/// shown once, in the answers to the POSTs that made them), or remove it.
/// </summary>
public sealed class AccountModel(SetPersonalPreferences preferences, Enrolment enrolment, ResetSecondFactor reset) : ConsolePageModel
{
    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The IANA time zones this server knows, by name.</summary>
    public IReadOnlyList<string> Zones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public SecondFactorStatus SecondFactor { get; private set; } = new(false, 0, false);

    /// <summary>A secret just made, shown once until it is confirmed.</summary>
    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>The recovery codes of the app just confirmed, shown once.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Language = ConsoleLanguages.Match(User.PreferredLanguage());
        TimeZone = User.TimeZoneName();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await preferences.ExecuteAsync(Actor, new PersonalPreferences(Language, TimeZone), cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error, !string.IsNullOrEmpty(Language) && ConsoleLanguages.Match(Language) is null ? nameof(Language) : nameof(TimeZone));
            await LoadAsync(cancellationToken);
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

    public async Task<IActionResult> OnPostStartSecondFactorAsync(CancellationToken cancellationToken)
    {
        var started = await enrolment.StartAsync(OrgId, Self, cancellationToken);
        KeepPreferences();
        if (!started.IsSuccess)
        {
            ShowError(started.Error, SecondFactorField);
        }
        else
        {
            // The secret exists in this response only: no cache may keep it, no redirect carries it.
            Response.Headers.CacheControl = "no-store";
            Setup = new AuthenticatorSetup(started.Value, "ConfirmSecondFactor");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmSecondFactorAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var confirmed = await enrolment.ConfirmAsync(OrgId, Self, Code, ConsoleAuthentication.Client, cancellationToken);
        KeepPreferences();
        if (!confirmed.IsSuccess)
        {
            ShowError(confirmed.Error, confirmed.Error.Field == "code" ? nameof(Code) : SecondFactorField);
            Setup = await enrolment.ShowAsync(OrgId, Self, cancellationToken) is { } again ? new AuthenticatorSetup(again, "ConfirmSecondFactor") : null;
        }
        else
        {
            RecoveryCodes = confirmed.Value.RecoveryCodes;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveSecondFactorAsync(CancellationToken cancellationToken)
    {
        var removed = await reset.ExecuteAsync(Actor, Self, cancellationToken);
        if (!removed.IsSuccess)
        {
            KeepPreferences();
            ShowError(removed.Error, SecondFactorField);
            await LoadAsync(cancellationToken);
            return Page();
        }

        Notice = T["Your authenticator app is removed: sign-in asks only for your password now."];
        return Redirect("/console/account");
    }

    /// <summary>Where the second factor's section shows a refusal, apart from the settings form's.</summary>
    private const string SecondFactorField = "SecondFactor";

    private Guid Self => User.EmployeeId() ?? Guid.Empty;

    private void KeepPreferences()
    {
        Language = ConsoleLanguages.Match(User.PreferredLanguage());
        TimeZone = User.TimeZoneName();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        SecondFactor = await enrolment.StatusAsync(OrgId, Self, cancellationToken);

    /// <summary>The language the browser asks for, as the next request will choose it without a setting of the person's.</summary>
    private string BrowserLanguage() =>
        Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => ConsoleLanguages.Match(l.Value.Value))
            .FirstOrDefault(l => l is not null) ?? ConsoleLanguages.English;
}
