using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.Roles;
using Roster.Directory.Sso;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>"Create employee": email, names, primary and other roles, login authenticator, billing attributes (all can be cleared).</summary>
[Authorize(Policy = ConsolePolicies.EmployeesEdit)]
public sealed class NewModel(CreateEmployee create, ListRoles roles, GetScimSettings scimSettings, ListSsoConnections connections) : ConsolePageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    [BindProperty]
    public Guid? PrimaryRoleId { get; set; }

    [BindProperty]
    public List<Guid> RoleIds { get; set; } = [];

    [BindProperty]
    public string? LoginAuthenticator { get; set; } = EmployeeDraft.PasswordAuthenticator;

    [BindProperty]
    public bool Billable { get; set; } = true;

    [BindProperty]
    public string? Licenses { get; set; }

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    public IReadOnlyList<SsoConnection> Connections { get; private set; } = [];

    /// <summary>SCIM provisioning is on: the identity provider owns the users, and this page makes credential-only profiles.</summary>
    public bool ManagedByScim { get; private set; }

    public ProfileForm Form => new(FirstName, LastName, PrimaryRoleId, RoleIds, LoginAuthenticator, Billable, Licenses, Roles, [], ForNewProfile: true, CredentialOnly: ManagedByScim, Connections: Connections);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Roles = await roles.ExecuteAsync(OrgId, cancellationToken);
        Connections = await connections.ExecuteAsync(OrgId, cancellationToken);
        ManagedByScim = (await scimSettings.ExecuteAsync(OrgId, cancellationToken)).Enabled;
        Billable = !ManagedByScim;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A cleared "Billable" box is not sent at all; the bound default must not win then.
        Billable = Request.Form.ContainsKey(nameof(Billable));
        ManagedByScim = (await scimSettings.ExecuteAsync(OrgId, cancellationToken)).Enabled;
        if (ManagedByScim)
        {
            // The form offered a credential-only profile and nothing else; the use case checks again in its transaction.
            Billable = false;
            Licenses = null;
        }

        var draft = new EmployeeDraft(Email ?? "", FirstName ?? "", LastName ?? "", PrimaryRoleId, LoginAuthenticator ?? "", new BillingAttributes(Billable, EmployeeFields.Licenses(Licenses)), RoleIds);
        var result = await create.ExecuteAsync(Actor, draft, cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error, EmployeeFields.Of(result.Error));
            Roles = await roles.ExecuteAsync(OrgId, cancellationToken);
            Connections = await connections.ExecuteAsync(OrgId, cancellationToken);
            return Page();
        }

        Notice = T["Employee {0} created. Invite them so they can activate the account.", result.Value.Email].Value;
        return Redirect("/console/employees?search=" + Uri.EscapeDataString(result.Value.Email));
    }
}
