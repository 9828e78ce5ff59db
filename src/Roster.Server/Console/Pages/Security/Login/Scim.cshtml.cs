using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Provisioning;
using Roster.Directory.Roles;
using Roster.Directory.Sso;
using Roster.Directory.Tokens;
using Roster.Server.Console.Authentication;
using Roster.Server.Console.Localization;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Security.Login;

/// <summary>
/// Security &gt; Login &gt; SCIM provisioning (MoEngage), in the guide's order: the on/off toggle,
/// the base connector URL to copy into the IdP, the default role, the token's expiry and "Generate
/// access token", then the required role and the provisioning policies; the connection's status
/// (inactive until an IdP's first authenticated call) above them. One form holds every setting:
/// "Generate access token" saves them before it makes the token (owned by the signed-in person),
/// so nothing chosen on the way to it is lost, and the token is shown once on this page.
/// </summary>
[Authorize(Policy = ConsolePolicies.ScimManage)]
public sealed class ScimModel(
    GetScimSettings get, UpdateScimSettings update, ListRoles roles, DeploymentUrls urls, GetSsoSettings ssoSettings, IssueScimToken issueToken, TimeProvider time)
    : ConsolePageModel
{
    public const string Path = "/console/security/login/scim";

    /// <summary>The name of the tokens this page generates, as the SCIM tokens page lists them.</summary>
    public const string AccessTokenName = "SCIM provisioning";

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

    /// <summary>The last day the generated token works, to the end of that day in the person's time zone.</summary>
    [BindProperty]
    public DateOnly? AccessTokenExpires { get; set; }

    /// <summary>The latest expiry the organization allows (its longest token lifetime), the date picker's maximum.</summary>
    public DateOnly LatestExpiry { get; private set; }

    /// <summary>The token just generated, rendered once in this response.</summary>
    public IssuedScimToken? Issued { get; private set; }

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
        AccessTokenExpires = DefaultExpiry();
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
        if (!await SaveAsync(cancellationToken))
        {
            return Page();
        }

        Notice = Settings.Enabled ? T["SCIM provisioning is on. Settings saved."] : T["SCIM provisioning is off. Settings saved."];
        return Redirect(Path);
    }

    /// <summary>
    /// "Generate access token": saves the form's settings first (the toggle and the default role
    /// chosen just before belong to the same walk), then makes a token owned by the signed-in
    /// person that works until the end of the chosen day in their time zone.
    /// </summary>
    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken cancellationToken)
    {
        if (!await SaveAsync(cancellationToken))
        {
            return Page();
        }

        DateTimeOffset? expires = AccessTokenExpires is { } day ? ConsoleClock.EndOfDay(User, day) : null;
        var result = await issueToken.ExecuteAsync(Actor, new ScimTokenRequest(AccessTokenName, SignedInEmployeeId, expires), cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error, nameof(AccessTokenExpires));
            SavedNotice = Settings.Enabled ? T["SCIM provisioning is on. Settings saved."] : T["SCIM provisioning is off. Settings saved."];
            return Page();
        }

        // The token exists in this response only: no cache may keep it, no redirect carries it.
        Response.Headers.CacheControl = "no-store";
        Issued = result.Value;
        return Page();
    }

    /// <summary>Said above the form when the settings were saved but the page was not left (a token refused after them).</summary>
    public string? SavedNotice { get; private set; }

    /// <summary>Saves the form; on a refusal the errors are in the model state and the page is ready to show again.</summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
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
            return false;
        }

        await LoadAsync(cancellationToken);
        return true;
    }

    private DateOnly DefaultExpiry() => DateOnly.FromDateTime(ConsoleClock.Local(User, time.GetUtcNow().Add(ScimTokenPolicy.DefaultLifetime)).DateTime);

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

        // The end of the latest day must not pass the longest lifetime, so that day is the one before.
        LatestExpiry = DateOnly.FromDateTime(ConsoleClock.Local(User, time.GetUtcNow().AddDays(Settings.TokenMaxDays)).DateTime).AddDays(-1);
        AccessTokenExpires ??= DefaultExpiry();
    }
}
