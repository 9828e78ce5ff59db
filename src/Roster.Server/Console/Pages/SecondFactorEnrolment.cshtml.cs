using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Roster.Directory.Administration;
using Roster.Directory.SecondFactors;
using Roster.Server.Console.Authentication;
using Roster.Server.Console.Localization;

namespace Roster.Server.Console.Pages;

/// <summary>
/// The second step of a password sign-in when the tenant's policy requires a second factor of an
/// administrator who has none yet: set up an authenticator app (<see cref="Enrolment"/>), then
/// the session starts, with the recovery codes shown once. No other console page opens before.
/// </summary>
public sealed class SecondFactorEnrolmentModel(PendingSignIns pending, Enrolment enrolment, ConsoleSignIn signIn, IStringLocalizer<ConsoleText> text) : PageModel
{
    /// <summary>The audit log's client of an enrolment the sign-in asked for.</summary>
    public const string Client = "sign-in";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = ConsoleAuthentication.ReturnUrlParameter)]
    public string? ReturnUrl { get; set; }

    public bool Expired { get; private set; }

    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>Set once the app is confirmed: the session has started.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : ConsolePaths.Root;

    public IActionResult OnGet()
    {
        Expired = pending.Read(HttpContext) is not { Step: SecondFactorStep.Enrol };
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        if (pending.Read(HttpContext) is not { Step: SecondFactorStep.Enrol } state)
        {
            Expired = true;
            return Page();
        }

        var started = await enrolment.StartAsync(state.TenantId, state.UserId, cancellationToken);
        if (!started.IsSuccess)
        {
            Expired = true;
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        Setup = new AuthenticatorSetup(started.Value, "Confirm", ReturnUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (pending.Read(HttpContext) is not { Step: SecondFactorStep.Enrol } state)
        {
            Expired = true;
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        var confirmed = await enrolment.ConfirmAsync(state.TenantId, state.UserId, Code, Client, cancellationToken);
        if (!confirmed.IsSuccess)
        {
            ModelState.AddModelError(confirmed.Error.Field == "code" ? nameof(Code) : string.Empty, Say(confirmed.Error));
            Setup = await enrolment.ShowAsync(state.TenantId, state.UserId, cancellationToken) is { } again ? new AuthenticatorSetup(again, "Confirm", ReturnUrl) : null;
            Expired = Setup is null;
            return Page();
        }

        var outcome = await signIn.StartSessionAsync(state.TenantId, confirmed.Value.SignIn, cancellationToken);
        PendingSignIns.End(HttpContext);
        if (outcome.Principal is null)
        {
            Expired = true;
            return Page();
        }

        await HttpContext.SignInAsync(ConsoleAuthentication.Scheme, outcome.Principal, new AuthenticationProperties { IsPersistent = false });
        RecoveryCodes = confirmed.Value.RecoveryCodes;
        return Page();
    }

    private string Say(AdminError error)
    {
        var said = text.GetString(error.Template, [.. error.Arguments.Select(a => a ?? "")]);
        return said.ResourceNotFound ? error.Detail : said.Value;
    }
}
