using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Apps;
using Roster.Directory.Credentials;
using Roster.Directory.Employees;
using Roster.Server.Admin.Apps;
using Roster.Server.Console.Authentication;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Developer.Apps;

/// <summary>
/// Developer &gt; App registrations &gt; Register (seed 002's form): name, description, technical
/// contacts, registrant (the signed-in person unless changed), business unit, client type, redirect
/// URLs, scopes. The client ID and secret are in the answer to the POST and nowhere else, next to
/// the token and authorize endpoints to paste into the IdP; the technical contacts are emailed the
/// registration without the secret, and a mail that fails is said on the page, the app registered.
/// </summary>
[Authorize(Policy = ConsolePolicies.SecurityLoginManage)]
public sealed class NewModel(RegisterApp register, DeploymentUrls urls, AppRegistrationMail mail, GetEmployee employees) : ConsolePageModel
{
    public const string Path = "/console/developer/apps/new";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Contacts { get; set; }

    [BindProperty]
    public string? Registrant { get; set; }

    [BindProperty]
    public string? BusinessUnit { get; set; }

    [BindProperty]
    public string? ClientType { get; set; } = AppClientTypes.UserConfidential;

    [BindProperty]
    public string? RedirectUris { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [.. OAuthScopes.All];

    /// <summary>The app just registered, with its client secret, rendered once in this response.</summary>
    public RegisteredApp? Registered { get; private set; }

    /// <summary>Which technical contacts were emailed the registration just made.</summary>
    public AppMailOutcome Mailed { get; private set; } = AppMailOutcome.None;

    public OAuthEndpoints Endpoints => OAuthEndpoints.Of(urls, Request, OrgId);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Registrant = await AppPerson.DescribeAsync(employees, User, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (AppClientTypes.Parse(ClientType) is not { } type)
        {
            ModelState.AddModelError(nameof(ClientType), T["Choose the client type: user, confidential; user, public; or back-end."]);
            return Page();
        }

        var draft = new AppDraft(Name ?? "", Description, AppForm.Lines(Contacts, commasSeparate: true), type, AppForm.Lines(RedirectUris), Scopes,
            Registrant: Registrant, BusinessUnit: BusinessUnit);
        var result = await register.ExecuteAsync(Actor, draft, cancellationToken);
        if (!result.IsSuccess)
        {
            ShowAll(result.Error);
            return Page();
        }

        // The secret exists in this response only: no cache may keep it, no redirect carries it.
        Response.Headers.CacheControl = "no-store";
        Registered = result.Value;
        var app = result.Value.App;
        Mailed = await mail.SendAsync(app, app.Contacts, await AppPerson.DescribeAsync(employees, User, cancellationToken), registered: true, Request, cancellationToken);
        return Page();
    }
}
