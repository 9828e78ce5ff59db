using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Audit;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;
using Roster.Directory.Users;
using Roster.Server.Console.Activity;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>
/// The employee's "Provisioned" tab: what the identity provider sent for this person, read from
/// the stored SCIM resource through the SCIM GET's own use case (so the page shows what an IdP
/// would read back), which identity provider and credential created it (from its
/// <c>user.create</c> audit event), its groups (the <c>groups</c> attribute's query: direct and
/// through nesting, never a group's members), its roles, and its latest SCIM changes. Read-only:
/// the identity provider owns these values. Needs employees.view, as the profile does.
/// </summary>
[Authorize(Policy = ConsolePolicies.EmployeesView)]
public sealed class ProvisionedModel(
    GetEmployee get, UserStore users, ListAuditEvents audit, CredentialNames credentials, GetScimSettings settings, ExplainRoles explain)
    : ConsolePageModel
{
    /// <summary>How many of the person's latest SCIM changes are listed.</summary>
    public const int ChangesShown = 10;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Employee Employee { get; private set; } = null!;

    /// <summary>Null when the person was not provisioned over SCIM (created in the console or admin API).</summary>
    public ProvisionedResource? Resource { get; private set; }

    /// <summary>True when the person belongs to more groups than one SCIM response lists: the page then says so instead of listing them.</summary>
    public bool TooManyGroups { get; private set; }

    /// <summary>The <c>user.create</c> event: its client is the identity provider recognised from the request, its credential the token or key used.</summary>
    public AuditEvent? Creation { get; private set; }

    /// <summary>The person's latest SCIM changes (audit events on the User resource), newest first.</summary>
    public IReadOnlyList<AuditEvent> Changes { get; private set; } = [];

    /// <summary>The credentials of this page's events, by id: name, owner and owner's profile.</summary>
    public IReadOnlyDictionary<Guid, CredentialName> Credentials { get; private set; } = new Dictionary<Guid, CredentialName>();

    public RoleExplanation? Explanation { get; private set; }

    /// <summary>SCIM provisioning is on and the profile is not credential-only: the identity provider owns it (the profile page turns editing off).</summary>
    public bool OwnedByScim { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(OrgId, Id, cancellationToken);
        if (!found.IsSuccess)
        {
            return Missing(T["There is no such employee in this organization."]);
        }

        Employee = found.Value;
        var caller = new ScimCaller(OrgId, Actor.CredentialId, Actor.Client, Actor.ProfileId, PermissionSet.None);
        var resource = await users.GetAsync(caller, Id.ToString(), includeMembers: true, cancellationToken);
        if (resource.IsSuccess)
        {
            Resource = new ProvisionedResource(resource.Value.Document);
            TooManyGroups = resource.Value.Streamed is not null;
        }

        var created = await audit.ExecuteAsync(OrgId, new AuditQuery { Action = AuditActions.UserCreate, ResourceId = Id, PageSize = 1 }, cancellationToken);
        Creation = created.IsSuccess && created.Value.Events.Count > 0 ? created.Value.Events[0] : null;
        var changes = await audit.ExecuteAsync(OrgId, new AuditQuery { ResourceType = AuditResourceTypes.User, ResourceId = Id, PageSize = ChangesShown }, cancellationToken);
        Changes = changes.IsSuccess ? changes.Value.Events : [];
        Explanation = (await explain.ExecuteAsync(OrgId, Id, cancellationToken)).Value;
        var scim = await settings.ExecuteAsync(OrgId, cancellationToken);
        OwnedByScim = scim.Enabled && !Employee.Billing.CredentialOnly;
        Credentials = await credentials.ReadAsync(OrgId, [.. Changes.Select(e => e.CredentialId), Creation?.CredentialId], cancellationToken);
        return Page();
    }
}
