using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Sso;
using Roster.Server.Console.Authentication;
using Roster.Server.Console.Sso;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Security.Login;

/// <summary>
/// Security &gt; Login &gt; Single sign-on (SSO): the organization's connections (add an OpenID
/// Connect or a SAML 2.0 one, change, turn off, delete) with the values to paste into the IdP, and the sign-in
/// policy: "Single sign-on (SSO) only" (MoEngage's words), the break-glass administrators who may
/// still use a password, and "SCIM requires SSO only". Every rule is the directory's use cases';
/// the page only shows their refusals and disables what it knows cannot work.
/// </summary>
[Authorize(Policy = ConsolePolicies.SecurityLoginManage)]
public sealed class SsoModel(
    ListSsoConnections list, CreateSsoConnection create, UpdateSsoConnection update, DeleteSsoConnection delete,
    GetSsoSettings getSettings, UpdateSsoSettings updateSettings, GetEmployee employees, ListEmployees findEmployees, DeploymentUrls urls,
    GetSsoConnection getConnection, SamlMetadataImport metadata) : ConsolePageModel
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

    /// <summary>Administrators who sign in with a password must use a second factor (an authenticator app).</summary>
    [BindProperty]
    public bool AdministratorsNeedSecondFactor { get; set; }

    /// <summary>The break-glass administrators kept (ticked).</summary>
    [BindProperty]
    public List<Guid> BreakGlass { get; set; } = [];

    /// <summary>An employee's email to add to the break-glass administrators.</summary>
    [BindProperty]
    public string? AddBreakGlass { get; set; }

    /// <summary>SAML: the connection's name (its own field, so that the OpenID form keeps its values apart).</summary>
    [BindProperty]
    public string? SamlName { get; set; }

    [BindProperty]
    public string? IdpMetadataUrl { get; set; }

    [BindProperty]
    public string? IdpMetadataXml { get; set; }

    [BindProperty]
    public string? IdpEntityId { get; set; }

    [BindProperty]
    public string? IdpSsoUrl { get; set; }

    /// <summary>SAML: a signing certificate to add (PEM or base64).</summary>
    [BindProperty]
    public string? IdpCertificate { get; set; }

    /// <summary>SAML: the SHA-256 thumbprints of the saved certificates kept (ticked).</summary>
    [BindProperty]
    public List<string> KeepCertificates { get; set; } = [];

    [BindProperty]
    public bool AllowIdpInitiated { get; set; }

    [BindProperty]
    public bool SignRequests { get; set; }

    /// <summary>The connection whose form was refused (its field errors are shown there); null for the new SAML connection's form.</summary>
    public Guid? EditingId { get; private set; }

    public IReadOnlyList<SsoConnection> Connections { get; private set; } = [];

    public SsoSettings Settings { get; private set; } = null!;

    /// <summary>The break-glass administrators by id, with their email where the profile still exists.</summary>
    public IReadOnlyList<(Guid Id, string Email)> BreakGlassPeople { get; private set; } = [];

    public string PublicBaseUrl { get; private set; } = "";

    /// <summary>Why "SSO only" cannot be turned on now, or null.</summary>
    public string? SsoOnlyUnavailable => Settings.SsoOnly ? null
        : !Connections.Any(c => c.Enabled) ? T["Add and enable an SSO connection first: people need one to sign in through."].Value
        : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        SsoOnly = Settings.SsoOnly;
        ScimRequiresSsoOnly = Settings.ScimRequiresSsoOnly;
        AdministratorsNeedSecondFactor = Settings.AdministratorsNeedSecondFactor;
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

        Notice = T["Connection '{0}' added. Register its callback URL at your identity provider.", result.Value.Name];
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken cancellationToken)
    {
        var draft = new SsoConnectionDraft(Name: Name, Enabled: Enabled, Issuer: Issuer, ClientId: ClientId, ClientSecret: string.IsNullOrEmpty(ClientSecret) ? null : ClientSecret);
        var result = await update.ExecuteAsync(Actor, id, draft, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.Kind == AdminErrorKind.NotFound ? Missing(Say(result.Error)) : await RefusedAsync(result.Error, cancellationToken);
        }

        Notice = T["Connection '{0}' saved.", result.Value.Name];
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await delete.ExecuteAsync(Actor, id, cancellationToken);
        if (!result.IsSuccess && result.Error.Kind == AdminErrorKind.NotFound)
        {
            return Missing(Say(result.Error));
        }

        Notice = result.IsSuccess ? T["Connection deleted."].Value : null;
        Problem = result.IsSuccess ? null : Say(result.Error);
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostCreateSamlAsync(CancellationToken cancellationToken)
    {
        var draft = new SsoConnectionDraft(
            Name: SamlName, Enabled: Enabled, IdpMetadataUrl: Blank(IdpMetadataUrl), IdpEntityId: Blank(IdpEntityId), IdpSsoUrl: Blank(IdpSsoUrl),
            IdpCertificates: Blank(IdpCertificate) is { } pasted ? [pasted] : null, AllowIdpInitiated: AllowIdpInitiated, SignRequests: SignRequests);
        var completed = await metadata.CompleteAsync(draft, IdpMetadataXml, cancellationToken);
        var result = completed.IsSuccess ? await create.ExecuteAsync(Actor, SsoProtocol.Saml, completed.Value, cancellationToken) : completed.Error;
        if (!result.IsSuccess)
        {
            return await SamlRefusedAsync(result.Error, null, cancellationToken);
        }

        Notice = T["Connection '{0}' added. Copy Roster's values below into your identity provider.", result.Value.Name];
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostUpdateSamlAsync(Guid id, CancellationToken cancellationToken)
    {
        var saved = await getConnection.ExecuteAsync(OrgId, id, cancellationToken);
        if (saved?.Saml is not { } saml)
        {
            return Missing(T["There is no such SSO connection in this organization."]);
        }

        var kept = saml.IdpCertificates.Where(c => KeepCertificates.Contains(SsoCertificates.Thumbprint(c), StringComparer.OrdinalIgnoreCase)).ToList();
        if (Blank(IdpCertificate) is { } added)
        {
            kept.Add(added);
        }

        var fromXml = !string.IsNullOrWhiteSpace(IdpMetadataXml);
        var draft = new SsoConnectionDraft(
            Name: SamlName, Enabled: Enabled, IdpMetadataUrl: fromXml ? null : IdpMetadataUrl?.Trim() ?? "",
            IdpEntityId: fromXml ? null : Blank(IdpEntityId), IdpSsoUrl: fromXml ? null : Blank(IdpSsoUrl), IdpCertificates: fromXml ? null : kept,
            AllowIdpInitiated: AllowIdpInitiated, SignRequests: SignRequests);

        // A metadata URL is read again only when it changed; "Refresh from URL" reads it on purpose.
        var completed = fromXml || (Blank(IdpMetadataUrl) is { } url && url != saml.IdpMetadataUrl)
            ? await metadata.CompleteAsync(draft with { IdpEntityId = null, IdpSsoUrl = null, IdpCertificates = null }, IdpMetadataXml, cancellationToken)
            : draft;
        var result = completed.IsSuccess ? await update.ExecuteAsync(Actor, id, completed.Value, cancellationToken) : completed.Error;
        if (!result.IsSuccess)
        {
            return result.Error.Kind == AdminErrorKind.NotFound ? Missing(Say(result.Error)) : await SamlRefusedAsync(result.Error, id, cancellationToken);
        }

        Notice = T["Connection '{0}' saved.", result.Value.Name];
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostRefreshMetadataAsync(Guid id, CancellationToken cancellationToken)
    {
        var saved = await getConnection.ExecuteAsync(OrgId, id, cancellationToken);
        if (saved?.Saml is not { } saml)
        {
            return Missing(T["There is no such SSO connection in this organization."]);
        }

        if (saml.IdpMetadataUrl is null)
        {
            return await SamlRefusedAsync(AdminError.Validation("This connection has no metadata URL to read.") with { Field = "idpMetadataUrl" }, id, cancellationToken);
        }

        var completed = await metadata.CompleteAsync(new SsoConnectionDraft(IdpMetadataUrl: saml.IdpMetadataUrl), null, cancellationToken);
        var result = completed.IsSuccess ? await update.ExecuteAsync(Actor, id, completed.Value, cancellationToken) : completed.Error;
        if (!result.IsSuccess)
        {
            return result.Error.Kind == AdminErrorKind.NotFound ? Missing(Say(result.Error)) : await SamlRefusedAsync(result.Error, id, cancellationToken);
        }

        Notice = T["The metadata of '{0}' was read again: its certificates are the identity provider's current ones.", result.Value.Name];
        return Redirect(Path);
    }

    /// <summary>The error shown next to <paramref name="property"/> in the form of <paramref name="connection"/> (null: the new SAML connection's form).</summary>
    public string? ErrorOf(string property, Guid? connection) =>
        EditingId == connection && ModelState.TryGetValue(property, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Why a connection cannot be deleted now, or null.</summary>
    public string? DeleteUnavailable(SsoConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Settings.SsoOnly && connection.Enabled && Connections.Count(c => c.Enabled) == 1
            ? T["This is the last enabled connection and the organization signs in with SSO only: turn SSO only off first."].Value
            : null;
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

        var result = await updateSettings.ExecuteAsync(Actor, new SsoSettingsUpdate(SsoOnly, ScimRequiresSsoOnly, breakGlass, AdministratorsNeedSecondFactor), cancellationToken);
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

        Notice = result.Value.SsoOnly ? T["Single sign-on (SSO) only is on. Settings saved."] : T["Settings saved."];
        return Redirect(Path);
    }

    /// <summary>The values to paste into the IdP for a connection.</summary>
    public IReadOnlyList<(string Label, string Value)> IdpValues(SsoConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Saml is not { } saml)
        {
            return [(T["Callback URL (redirect URI)"], PublicBaseUrl + SsoPaths.Callback(OrgId, connection.Id)),
                    (T["Sign-in URL"], PublicBaseUrl + SsoPaths.Start(OrgId, connection.Id))];
        }

        List<(string, string)> values =
        [
            (T["SP entity ID (audience)"], PublicBaseUrl + SsoPaths.SamlMetadata(OrgId, connection.Id)),
            (T["ACS URL (single sign-on URL, reply URL)"], PublicBaseUrl + SsoPaths.SamlAcs(OrgId, connection.Id)),
            (T["SP metadata URL"], PublicBaseUrl + SsoPaths.SamlMetadata(OrgId, connection.Id)),
            (T["Name ID format"], "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
            (T["Email attribute"], saml.EmailAttribute ?? T["the NameID (the person's email)"]),
            (T["First name attribute"], saml.GivenNameAttribute ?? "firstName"),
            (T["Last name attribute"], saml.FamilyNameAttribute ?? "lastName"),
            (T["Sign-in URL"], PublicBaseUrl + SsoPaths.Start(OrgId, connection.Id)),
        ];
        if (saml.SignRequests && saml.SpCertificate.Length > 0)
        {
            values.Add((T["Roster's request signing certificate"], saml.SpCertificate));
        }

        return values;
    }

    private async Task<IActionResult> SamlRefusedAsync(AdminError error, Guid? editing, CancellationToken cancellationToken)
    {
        EditingId = editing;
        ShowError(error, error.Field switch
        {
            "name" => nameof(SamlName),
            "idpEntityId" => nameof(IdpEntityId),
            "idpSsoUrl" => nameof(IdpSsoUrl),
            "idpCertificates" => nameof(IdpCertificate),
            "idpMetadataUrl" => nameof(IdpMetadataUrl),
            "idpMetadataXml" => nameof(IdpMetadataXml),
            _ => "Saml",
        });
        await LoadAsync(cancellationToken);
        SsoOnly = Settings.SsoOnly;
        ScimRequiresSsoOnly = Settings.ScimRequiresSsoOnly;
        AdministratorsNeedSecondFactor = Settings.AdministratorsNeedSecondFactor;
        BreakGlass = [.. Settings.BreakGlass];
        return Page();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<IActionResult> RefusedAsync(AdminError error, CancellationToken cancellationToken)
    {
        ShowError(error, error.Field == "issuer" ? nameof(Issuer) : null);
        await LoadAsync(cancellationToken);
        SsoOnly = Settings.SsoOnly;
        ScimRequiresSsoOnly = Settings.ScimRequiresSsoOnly;
        AdministratorsNeedSecondFactor = Settings.AdministratorsNeedSecondFactor;
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
