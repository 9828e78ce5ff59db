using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Sso;
using Roster.Server.Console.Authentication;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Security.Login;

/// <summary>
/// Security &gt; Login &gt; Single sign-on (SSO): the organization's connections (add an OpenID
/// Connect one, change, turn off, delete) with the values to paste into the IdP, and the sign-in
/// policy: "Single sign-on (SSO) only" (MoEngage's words), the break-glass administrators who may
/// still use a password, and "SCIM requires SSO only". Every rule is the directory's use cases';
/// the page only shows their refusals and disables what it knows cannot work.
/// </summary>
[Authorize(Policy = ConsolePolicies.SecurityLoginManage)]
public sealed class SsoModel(
    ListSsoConnections list, CreateSsoConnection create, UpdateSsoConnection update, DeleteSsoConnection delete,
    GetSsoSettings getSettings, UpdateSsoSettings updateSettings, GetEmployee employees, ListEmployees findEmployees, DeploymentUrls urls) : ConsolePageModel
{
    public const string Path = "/console/security/login/sso";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Issuer { get; set; }

    [BindProperty]
    public string? ClientId { get; set; }

    /// <summary>Write-only: blank keeps the saved secret.</summary>
    [BindProperty]
    public string? ClientSecret { get; set; }

    [BindProperty]
    public bool Enabled { get; set; } = true;

    [BindProperty]
    public bool SsoOnly { get; set; }

    [BindProperty]
    public bool ScimRequiresSsoOnly { get; set; }

    /// <summary>The break-glass administrators kept (ticked).</summary>
    [BindProperty]
    public List<Guid> BreakGlass { get; set; } = [];

    /// <summary>An employee's email to add to the break-glass administrators.</summary>
    [BindProperty]
    public string? AddBreakGlass { get; set; }

    public IReadOnlyList<SsoConnection> Connections { get; private set; } = [];

    public SsoSettings Settings { get; private set; } = null!;

    /// <summary>The break-glass administrators by id, with their email where the profile still exists.</summary>
    public IReadOnlyList<(Guid Id, string Email)> BreakGlassPeople { get; private set; } = [];

    public string PublicBaseUrl { get; private set; } = "";

    /// <summary>Why "SSO only" cannot be turned on now, or null.</summary>
    public string? SsoOnlyUnavailable => Settings.SsoOnly ? null
        : !Connections.Any(c => c.Enabled) ? "Add and enable an SSO connection first: people need one to sign in through."
        : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        SsoOnly = Settings.SsoOnly;
        ScimRequiresSsoOnly = Settings.ScimRequiresSsoOnly;
        BreakGlass = [.. Settings.BreakGlass];
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var draft = new SsoConnectionDraft(Name: Name, Enabled: Enabled, Issuer: Issuer, ClientId: ClientId, ClientSecret: string.IsNullOrEmpty(ClientSecret) ? null : ClientSecret);
        var result = await create.ExecuteAsync(Actor, SsoProtocol.OpenIdConnect, draft, cancellationToken);
        if (!result.IsSuccess)
        {
            return await RefusedAsync(result.Error, cancellationToken);
        }

        Notice = $"Connection '{result.Value.Name}' added. Register its callback URL at your identity provider.";
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken cancellationToken)
    {
        var draft = new SsoConnectionDraft(Name: Name, Enabled: Enabled, Issuer: Issuer, ClientId: ClientId, ClientSecret: string.IsNullOrEmpty(ClientSecret) ? null : ClientSecret);
        var result = await update.ExecuteAsync(Actor, id, draft, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.Kind == AdminErrorKind.NotFound ? Missing(result.Error.Detail) : await RefusedAsync(result.Error, cancellationToken);
        }

        Notice = $"Connection '{result.Value.Name}' saved.";
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await delete.ExecuteAsync(Actor, id, cancellationToken);
        if (!result.IsSuccess && result.Error.Kind == AdminErrorKind.NotFound)
        {
            return Missing(result.Error.Detail);
        }

        Notice = result.IsSuccess ? "Connection deleted." : null;
        Problem = result.IsSuccess ? null : Say(result.Error);
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken cancellationToken)
    {
        var breakGlass = BreakGlass.Distinct().ToList();
        if (!string.IsNullOrWhiteSpace(AddBreakGlass))
        {
            var email = AddBreakGlass.Trim();
            var found = await findEmployees.ExecuteAsync(OrgId, null, email, 1, cancellationToken);
            var match = found.IsSuccess ? found.Value.Employees.FirstOrDefault(e => string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase)) : null;
            if (match is null)
            {
                ModelState.AddModelError(nameof(AddBreakGlass), $"There is no employee with the email {email} in this organization.");
                await LoadAsync(cancellationToken);
                return Page();
            }

            breakGlass.Add(match.Id);
        }

        var result = await updateSettings.ExecuteAsync(Actor, new SsoSettingsUpdate(SsoOnly, ScimRequiresSsoOnly, breakGlass), cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error, result.Error.Field switch
            {
                "ssoOnly" => nameof(SsoOnly),
                "breakGlass" => nameof(AddBreakGlass),
                _ => null,
            });
            await LoadAsync(cancellationToken);
            return Page();
        }

        Notice = result.Value.SsoOnly ? "Single sign-on (SSO) only is on. Settings saved." : "Settings saved.";
        return Redirect(Path);
    }

    /// <summary>The values to paste into the IdP for a connection.</summary>
    public IReadOnlyList<(string Label, string Value)> IdpValues(SsoConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Protocol == SsoProtocol.Saml
            ? [("SP entity ID", PublicBaseUrl + Sso.SsoPaths.SamlMetadata(OrgId, connection.Id)),
               ("ACS URL", PublicBaseUrl + Sso.SsoPaths.SamlAcs(OrgId, connection.Id)),
               ("Metadata URL", PublicBaseUrl + Sso.SsoPaths.SamlMetadata(OrgId, connection.Id))]
            : [("Callback URL (redirect URI)", PublicBaseUrl + Sso.SsoPaths.Callback(OrgId, connection.Id)),
               ("Sign-in URL", PublicBaseUrl + Sso.SsoPaths.Start(OrgId, connection.Id))];
    }

    private async Task<IActionResult> RefusedAsync(AdminError error, CancellationToken cancellationToken)
    {
        ShowError(error, error.Field == "issuer" ? nameof(Issuer) : null);
        await LoadAsync(cancellationToken);
        SsoOnly = Settings.SsoOnly;
        ScimRequiresSsoOnly = Settings.ScimRequiresSsoOnly;
        BreakGlass = [.. Settings.BreakGlass];
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Connections = await list.ExecuteAsync(OrgId, cancellationToken);
        Settings = await getSettings.ExecuteAsync(OrgId, cancellationToken);
        var people = new List<(Guid, string)>();
        foreach (var id in Settings.BreakGlass)
        {
            var employee = await employees.ExecuteAsync(OrgId, id, cancellationToken);
            people.Add((id, employee.IsSuccess ? employee.Value.Email : id.ToString()));
        }

        BreakGlassPeople = people;
        PublicBaseUrl = urls.PublicBaseUrl(Request);
    }
}
