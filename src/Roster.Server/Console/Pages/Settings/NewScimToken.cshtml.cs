using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Tokens;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Settings;

/// <summary>
/// A SCIM token by signing in (<c>/console/scim-token/new?name=Webex&amp;expires=365</c>): the
/// workflow of guides that hand an administrator a link to open in a private window, sign in, and
/// copy a token from where the browser lands (Webex's Entra ID guide). Roster does not offer the
/// OAuth implicit grant that guide uses (docs/security.md says why); this page gives the same steps:
/// after sign-in it asks to confirm, then issues a SCIM token owned by the signed-in person through
/// the SCIM-token use case, so <c>PrivilegeRules</c> bound it by that person's permissions, and
/// shows it once.
/// </summary>
[Authorize(Policy = ConsolePolicies.ScimManage)]
public sealed class NewScimTokenModel(IssueScimToken issueToken, TimeProvider time) : ConsolePageModel
{
    public const string Path = "/console/scim-token/new";

    /// <summary>What the token is for, from the link (<c>name=</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    /// <summary>Days until the token expires, from the link (<c>expires=</c>); a year when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Expires { get; set; }

    /// <summary>The token just issued, rendered once in this response.</summary>
    public IssuedScimToken? Issued { get; private set; }

    public DateTimeOffset ExpiresAt => time.GetUtcNow().AddDays(Days);

    private int Days => Expires ?? (int)ScimTokenPolicy.DefaultLifetime.TotalDays;

    public void OnGet()
    {
        Name = string.IsNullOrWhiteSpace(Name) ? "SCIM token" : Name.Trim();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Actor.ProfileId is not { } owner)
        {
            Problem = T["Sign in as a person to get a token of your own."];
            return Page();
        }

        if (Days < 1)
        {
            ModelState.AddModelError(nameof(Expires), T["A token expires at least one day from now (expires=365 for a year)."]);
            return Page();
        }

        var result = await issueToken.ExecuteAsync(Actor, new ScimTokenRequest(Name ?? "", owner, ExpiresAt), cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error, null);
            return Page();
        }

        // The token exists in this response only: no cache may keep it, no redirect carries it.
        Response.Headers.CacheControl = "no-store";
        Issued = result.Value;
        return Page();
    }
}
