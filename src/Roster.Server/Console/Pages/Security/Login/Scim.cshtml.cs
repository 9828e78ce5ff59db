using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Provisioning;
using Roster.Directory.Roles;
using Roster.Directory.Sso;
using Roster.Server.Console.Authentication;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Security.Login;

/// <summary>
/// Security &gt; Login &gt; SCIM provisioning (MoEngage): the on/off toggle, the base connector URL
/// to copy into the IdP, the default and required roles, the provisioning policies, and the
/// connection's status (inactive until an IdP's first authenticated call), and "Generate access
/// token" (a SCIM token owned by the signed-in person, shown once on the SCIM tokens page).
/// </summary>
[Authorize(Policy = ConsolePolicies.ScimManage)]
public sealed class ScimModel(GetScimSettings get, UpdateScimSettings update, ListRoles roles, DeploymentUrls urls, GetSsoSettings ssoSettings) : ConsolePageModel
{
    [BindProperty]
    public bool Enabled { get; set; }

    [BindProperty]
    public Guid? DefaultRoleId { get; set; }

    [BindProperty]
    public Guid? RequiredRoleId { get; set; }

    [BindProperty]
    public bool UserNameMustBePrimaryEmail { get; set; }

    [BindProperty]
    public bool NamesNotUpdatable { get; set; }

    [BindProperty]
    public bool EnforceVerifiedDomains { get; set; }

    /// <summary>What a roles value naming no role gets: refuse, ignore or default-role.</summary>
    [BindProperty]
    public string? UnknownRoles { get; set; }

    [BindProperty]
    public bool ManualRoleGrants { get; set; }

    [BindProperty]
    public bool NamesRequired { get; set; }

    [BindProperty]
    public bool IdentifiersNotUpdatable { get; set; }

    [BindProperty]
    public bool AdvertiseCursorPaging { get; set; }

    public ScimSettings Settings { get; private set; } = null!;

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    public string ConnectorUrl { get; private set; } = "";

    /// <summary>The other base URLs the same SCIM API answers at (<see cref="Scim.Http.ScimPaths"/>), for identity providers whose guides give another form.</summary>
    public IReadOnlyList<string> BaseUrlForms { get; private set; } = [];

    /// <summary>SCIM is off and cannot be turned on until the organization is SSO only (its policy "SCIM requires SSO only").</summary>
    public bool NeedsSsoOnly { get; private set; }

    /// <summary>The signed-in person, owner of the access token generated from this page.</summary>
    public Guid SignedInEmployeeId => User.EmployeeId() ?? Guid.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Enabled = Settings.Enabled;
        DefaultRoleId = Settings.DefaultRoleId;
        RequiredRoleId = Settings.RequiredRoleId;
        UserNameMustBePrimaryEmail = Settings.UserNameMustBePrimaryEmail;
        NamesNotUpdatable = Settings.NamesNotUpdatable;
        EnforceVerifiedDomains = Settings.EnforceVerifiedDomains;
        UnknownRoles = UnknownRolePolicies.ToText(Settings.UnknownRoles);
        ManualRoleGrants = Settings.ManualRoleGrants;
        NamesRequired = Settings.NamesRequired;
        IdentifiersNotUpdatable = Settings.IdentifiersNotUpdatable;
        AdvertiseCursorPaging = Settings.AdvertiseCursorPaging;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await update.ExecuteAsync(
            Actor,
            new ScimSettingsUpdate(Enabled, DefaultRoleId, RequiredRoleId, UserNameMustBePrimaryEmail, NamesNotUpdatable, EnforceVerifiedDomains,
                UnknownRoles: UnknownRolePolicies.Parse(UnknownRoles), ManualRoleGrants: ManualRoleGrants,
                NamesRequired: NamesRequired, IdentifiersNotUpdatable: IdentifiersNotUpdatable, AdvertiseCursorPaging: AdvertiseCursorPaging),
            cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error, result.Error.Field == "requiredRoleId" ? nameof(RequiredRoleId) : nameof(DefaultRoleId));
            await LoadAsync(cancellationToken);
            return Page();
        }

        Notice = result.Value.Enabled ? "SCIM provisioning is on. Settings saved." : "SCIM provisioning is off. Settings saved.";
        return Redirect("/console/security/login/scim");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Settings = await get.ExecuteAsync(OrgId, cancellationToken);
        Roles = await roles.ExecuteAsync(OrgId, cancellationToken);
        ConnectorUrl = urls.ConnectorUrl(Request, OrgId);
        var root = urls.PublicBaseUrl(Request);
        BaseUrlForms =
        [
            root + Scim.Http.ScimPaths.Root,
            $"{root}{Scim.Http.ScimPaths.OAuthRoot}/{OrgId}",
            root + Scim.Http.ScimPaths.OAuthRoot,
            $"{root}{Scim.Http.ScimPaths.WebexRoot}/{OrgId}",
        ];
        NeedsSsoOnly = !Settings.Enabled && await ssoSettings.ExecuteAsync(OrgId, cancellationToken) is { ScimRequiresSsoOnly: true, SsoOnly: false };
    }
}
