using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Apps;
using Roster.Directory.Credentials;
using Roster.Server.Console.Authentication;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Developer.Apps;

/// <summary>
/// Developer &gt; App registrations &gt; Register (seed 002's form): name, description, technical
/// contacts, client type, redirect URLs, scopes. The client ID and secret are in the answer to the
/// POST and nowhere else, next to the token and authorize endpoints to paste into the IdP.
/// </summary>
[Authorize(Policy = ConsolePolicies.SecurityLoginManage)]
public sealed class NewModel(RegisterApp register, DeploymentUrls urls) : ConsolePageModel
{
    public const string Path = "/console/developer/apps/new";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Contacts { get; set; }

    [BindProperty]
    public string? ClientType { get; set; } = AppClientTypes.UserConfidential;

    [BindProperty]
    public string? RedirectUris { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [.. OAuthScopes.All];

    /// <summary>The app just registered, with its client secret, rendered once in this response.</summary>
    public RegisteredApp? Registered { get; private set; }

    public OAuthEndpoints Endpoints => OAuthEndpoints.Of(urls, Request, OrgId);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (AppClientTypes.Parse(ClientType) is not { } type)
        {
            ModelState.AddModelError(nameof(ClientType), "Choose the client type: user, confidential; user, public; or back-end.");
            return Page();
        }

        var draft = new AppDraft(Name ?? "", Description, AppForm.Lines(Contacts, commasSeparate: true), type, AppForm.Lines(RedirectUris), Scopes);
        if (!Accepted(draft))
        {
            return Page();
        }

        var result = await register.ExecuteAsync(Actor, draft, cancellationToken);
        if (!result.IsSuccess)
        {
            ShowAll(result.Error);
            return Page();
        }

        // The secret exists in this response only: no cache may keep it, no redirect carries it.
        Response.Headers.CacheControl = "no-store";
        Registered = result.Value;
        return Page();
    }

    /// <summary>Every mistake of the form at once, each next to its box: the registration rules' and a guide's unreplaced placeholder.</summary>
    private bool Accepted(AppDraft draft)
    {
        if (AppForm.WithPlaceholder(draft.RedirectUris) is { } unreplaced)
        {
            ModelState.AddModelError(nameof(RedirectUris), T["'{0}' still holds a placeholder such as {{appName}}: replace it with your identity provider's value (for Okta, the app's name as in its admin URL).", unreplaced]);
        }

        if (AppRules.Check(draft) is { IsSuccess: false } refused)
        {
            ShowAll(refused.Error);
        }

        return ModelState.IsValid;
    }
}
