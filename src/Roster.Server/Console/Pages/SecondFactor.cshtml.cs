using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Roster.Directory.SecondFactors;
using Roster.Server.Console.Authentication;
using Roster.Server.Console.Localization;
using Roster.Server.Throttling;

namespace Roster.Server.Console.Pages;

/// <summary>
/// The second step of a password sign-in (<see cref="PendingSignIns"/>): a code from the
/// person's authenticator app or one of their recovery codes (<see cref="VerifySecondFactor"/>,
/// which counts wrong ones toward the sign-in locks). The session starts only here.
/// </summary>
public sealed class SecondFactorModel(PendingSignIns pending, VerifySecondFactor verify, ConsoleSignIn signIn, IStringLocalizer<ConsoleText> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = ConsoleAuthentication.ReturnUrlParameter)]
    public string? ReturnUrl { get; set; }

    /// <summary>There is no sign-in waiting for a code (it ran out, or never was): start again.</summary>
    public bool Expired { get; private set; }

    public IActionResult OnGet()
    {
        Expired = pending.Read(HttpContext) is not { Step: SecondFactorStep.Code };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (pending.Read(HttpContext) is not { Step: SecondFactorStep.Code } state)
        {
            Expired = true;
            return Page();
        }

        var result = await verify.ExecuteAsync(state.TenantId, state.UserId, Code, TooManyRequests.ClientAddress(HttpContext), cancellationToken);
        var outcome = result.Succeeded ? await signIn.StartSessionAsync(state.TenantId, result, cancellationToken) : null;
        if (outcome?.Principal is null)
        {
            ModelState.AddModelError(nameof(Code), text[SecondFactorFailures.Generic]);
            return Page();
        }

        PendingSignIns.End(HttpContext);
        await HttpContext.SignInAsync(ConsoleAuthentication.Scheme, outcome.Principal, new AuthenticationProperties { IsPersistent = false });
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : LocalRedirect(ConsolePaths.Root);
    }
}
