using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Roster.Directory.SecondFactors;
using Roster.Directory.Sso;
using Roster.Server.Console.Authentication;
using Roster.Server.Console.Localization;
using Roster.Server.Console.Sso;
using Roster.Server.Throttling;

namespace Roster.Server.Console.Pages;

/// <summary>
/// Email and password of an activated employee; the organization ID when the person gives one
/// (under "Sign in to a specific organization"), or when the right password belongs to an email
/// of several organizations. Failures, counting and locks are the directory's
/// (<see cref="Directory.Employees.SignInEmployee"/>), per address as Roster sees the client.
/// A person with a second factor, or one the tenant's policy requires, goes on to
/// <see cref="SecondFactorModel"/> or <see cref="SecondFactorEnrolmentModel"/> before any session starts.
/// After sign-in, a local ReturnUrl is followed (the OAuth authorize endpoint sends people here
/// with one); anything else goes to the console's overview.
/// </summary>
public sealed class SignInModel(ConsoleSignIn signIn, PendingSignIns pending, ListSsoConnections connections, DiscoverSsoRealms realms, IStringLocalizer<ConsoleText> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Display(Name = "Organization ID")]
    public string? OrgId { get; set; }

    [BindProperty(SupportsGet = true, Name = ConsoleAuthentication.ReturnUrlParameter)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the organization ID field: asked for, or given in the query.</summary>
    public bool AskOrganization { get; private set; }

    /// <summary>
    /// Where to sign in instead, after the right password was refused because the person signs in
    /// through single sign-on: the organization's enabled connections (only then, so the page tells
    /// nobody without the password which organizations an email belongs to).
    /// </summary>
    public IReadOnlyList<(string Name, string Url)> SingleSignOn { get; private set; } = [];

    public void OnGet(string? org)
    {
        OrgId = org;
        AskOrganization = !string.IsNullOrEmpty(org);
    }

    /// <summary>
    /// Home-realm discovery, the email first: a person whose email's domain an organization with
    /// single sign-on has verified goes to its identity provider (straight there when there is one
    /// connection, a choice when several). The answer depends on the domain alone, never on whether
    /// a profile has the address, so it tells nobody which people an organization has.
    /// </summary>
    public async Task<IActionResult> OnPostSsoAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Password));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var found = await realms.ExecuteAsync(Email, cancellationToken);
        var back = Url.IsLocalUrl(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : "";
        if (found.Count == 1)
        {
            return LocalRedirect(SsoPaths.Start(found[0].TenantId, found[0].ConnectionId) + back);
        }

        if (found.Count == 0)
        {
            ModelState.AddModelError(nameof(Email), text["No single sign-on is set up for this email's domain: sign in with your password."]);
            return Page();
        }

        SingleSignOn = [.. found.Select(r => (r.Name, SsoPaths.Start(r.TenantId, r.ConnectionId) + back))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        AskOrganization = !string.IsNullOrWhiteSpace(OrgId);
        Guid? orgId = null;
        if (AskOrganization)
        {
            if (Guid.TryParse(OrgId!.Trim(), out var parsed))
            {
                orgId = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(OrgId), text["The organization ID is a GUID, e.g. {0}.", "5f0c8a52-3b1e-4d7a-9a61-2f4b8d0e6c13"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await signIn.SignInAsync(Email, Password, orgId, TooManyRequests.ClientAddress(HttpContext), cancellationToken);
        if (outcome.SecondStep is { } second)
        {
            // No session yet: the second step's page takes over with a short-lived cookie that grants nothing.
            pending.Start(HttpContext, second.TenantId, second.UserId, second.Step);
            var next = second.Step == SecondFactorStep.Enrol ? ConsoleAuthentication.SecondFactorEnrolmentPath : ConsoleAuthentication.SecondFactorPath;
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? next + "?" + ConsoleAuthentication.ReturnUrlParameter + "=" + Uri.EscapeDataString(ReturnUrl!) : next);
        }

        if (outcome.Principal is null)
        {
            AskOrganization |= outcome.NeedsOrganization;
            if (outcome.SingleSignOnOrganization is { } org)
            {
                var enabled = (await connections.ExecuteAsync(org, cancellationToken)).Where(c => c.Enabled);
                SingleSignOn = [.. enabled.Select(c => (c.Name, SsoPaths.Start(org, c.Id) + (Url.IsLocalUrl(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : "")))];
            }

            ModelState.AddModelError(outcome.NeedsOrganization ? nameof(OrgId) : string.Empty, text[outcome.Failure ?? ""]);
            return Page();
        }

        await HttpContext.SignInAsync(ConsoleAuthentication.Scheme, outcome.Principal, new AuthenticationProperties { IsPersistent = false });
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : LocalRedirect(ConsolePaths.Root);
    }
}
