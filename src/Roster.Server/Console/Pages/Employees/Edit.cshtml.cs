using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;
using Roster.Directory.SecondFactors;
using Roster.Directory.Sso;
using Roster.Server.Console.Authentication;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>
/// One employee profile: its fields (saved by <see cref="UpdateEmployee"/>, so refused while SCIM
/// is on; the roles ticked replace the roles held), "Clear billing attributes" for a profile that
/// only holds credentials, invite, unblock and delete. Viewing needs employees.view; every change
/// needs employees.edit, and the privilege model's rules (changing someone needs every permission
/// they hold).
/// </summary>
[Authorize(Policy = ConsolePolicies.EmployeesView)]
public sealed class EditModel(
    GetEmployee get, ListRoles roles, UpdateEmployee update, InviteEmployee invite, UnlockEmployee unlock, DeleteEmployee delete, DeploymentUrls urls,
    ExplainRoles explain, ManualRoleGrants manual, GetScimSettings settings, ListSsoConnections connections, Enrolment enrolment, ResetSecondFactor resetSecondFactor)
    : ConsolePageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    [BindProperty]
    public Guid? PrimaryRoleId { get; set; }

    /// <summary>The further roles ticked; with the primary one, every role the person is to hold.</summary>
    [BindProperty]
    public List<Guid> RoleIds { get; set; } = [];

    [BindProperty]
    public string? LoginAuthenticator { get; set; }

    [BindProperty]
    public bool Billable { get; set; }

    [BindProperty]
    public string? Licenses { get; set; }

    public Employee Employee { get; private set; } = null!;

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    public IReadOnlyList<SsoConnection> Connections { get; private set; } = [];

    /// <summary>Every role the person holds and why.</summary>
    public RoleExplanation? Explanation { get; private set; }

    /// <summary>Whether roles may be granted by hand now: SCIM off, or allowed by the SCIM settings.</summary>
    public bool ManualGrantsAllowed { get; private set; }

    [BindProperty]
    public Guid? GrantRoleId { get; set; }

    /// <summary>
    /// SCIM provisioning is on and this is not a credential-only profile: the identity provider owns
    /// it, so Save, Delete and Clear billing are shown disabled with the reason instead of being
    /// refused after submit.
    /// </summary>
    public bool OwnedByScim { get; private set; }

    /// <summary>The person's authenticator app, which someone who may change them can reset.</summary>
    public SecondFactorStatus SecondFactor { get; private set; } = new(false, 0, false);

    public ProfileForm Form => new(FirstName, LastName, PrimaryRoleId, RoleIds, LoginAuthenticator, Billable, Licenses, Roles, Employee.Roles, ForNewProfile: false, Connections: Connections);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Missing(T["There is no such employee in this organization."]);
        }

        FirstName = Employee.FirstName;
        LastName = Employee.LastName;
        PrimaryRoleId = Employee.PrimaryRoleId;
        RoleIds = [.. Roles.Where(r => r.Id != PrimaryRoleId && Employee.Roles.Contains(r.Name, StringComparer.Ordinal)).Select(r => r.Id)];
        LoginAuthenticator = Employee.LoginAuthenticator;
        Billable = Employee.Billing.Billable;
        Licenses = string.Join(", ", Employee.Billing.Licenses);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        Billable = Request.Form.ContainsKey(nameof(Billable));
        var change = new EmployeeUpdate(FirstName, LastName, PrimaryRoleId, LoginAuthenticator, new BillingAttributes(Billable, EmployeeFields.Licenses(Licenses)), RoleIds: RoleIds);
        return ChangeAsync(async () => Outcome(await update.ExecuteAsync(Actor, Id, change, cancellationToken), e => T["Profile of {0} saved.", e.Email].Value), cancellationToken);
    }

    public Task<IActionResult> OnPostClearBillingAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async () => Outcome(await update.ExecuteAsync(Actor, Id, new EmployeeUpdate(ClearBilling: true), cancellationToken), e => T["{0} is no longer billed and holds no license.", e.Email].Value), cancellationToken);

    public Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            if (urls.EmailedLink(ConsolePaths.Activate, out var problem) is not { } activationBase)
            {
                return (null, AdminError.Conflict(problem!));
            }

            var result = await invite.ExecuteAsync(Actor, Id, activationBase, cancellationToken);
            return result.IsSuccess ? (IndexModel.InvitationSent(T, result.Value), null) : (null, result.Error);
        }, cancellationToken);

    public Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            var result = await manual.GrantAsync(Actor, Id, GrantRoleId ?? Guid.Empty, cancellationToken);
            return result.IsSuccess ? (T["Role granted by hand."].Value, null) : (null, result.Error);
        }, cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(Guid roleId, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            var result = await manual.RevokeAsync(Actor, Id, roleId, cancellationToken);
            return result.IsSuccess ? (T["The role granted by hand was taken back."].Value, null) : (null, result.Error);
        }, cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async () => Outcome(await unlock.ExecuteAsync(Actor, Id, cancellationToken), e => T["{0} is unblocked and can sign in again.", e.Email].Value), cancellationToken);

    /// <summary>Removes the person's authenticator app and recovery codes (a lost phone): needs employees.edit and every permission they hold.</summary>
    public Task<IActionResult> OnPostResetSecondFactorAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            var result = await resetSecondFactor.ExecuteAsync(Actor, Id, cancellationToken);
            return result.IsSuccess ? (T["The second factor is reset: the person sets up a new authenticator app."].Value, null) : (null, result.Error);
        }, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!Can(Permission.EmployeesEdit))
        {
            return Refuse(Permission.EmployeesEdit);
        }

        var result = await delete.ExecuteAsync(Actor, Id, cancellationToken);
        if (!result.IsSuccess)
        {
            return await ShowAsync(result.Error, cancellationToken);
        }

        Notice = T["Employee {0} deleted.", result.Value.Email].Value;
        return Redirect("/console/employees");
    }

    private static (string? Notice, AdminError? Error) Outcome(AdminResult<Employee> result, Func<Employee, string> notice) =>
        result.IsSuccess ? (notice(result.Value), null) : (null, result.Error);

    private async Task<IActionResult> ChangeAsync(Func<Task<(string? Notice, AdminError? Error)>> change, CancellationToken cancellationToken)
    {
        if (!Can(Permission.EmployeesEdit))
        {
            return Refuse(Permission.EmployeesEdit);
        }

        var (notice, error) = await change();
        if (error is null)
        {
            Notice = notice;
            return Redirect($"/console/employees/{Id}");
        }

        return await ShowAsync(error, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(AdminError error, CancellationToken cancellationToken)
    {
        if (error.Kind == AdminErrorKind.NotFound || !await LoadAsync(cancellationToken))
        {
            return Missing(Say(error));
        }

        ShowError(error, EmployeeFields.Of(error));
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(OrgId, Id, cancellationToken);
        if (!found.IsSuccess)
        {
            return false;
        }

        Employee = found.Value;
        Roles = await roles.ExecuteAsync(OrgId, cancellationToken);
        Connections = await connections.ExecuteAsync(OrgId, cancellationToken);
        Explanation = (await explain.ExecuteAsync(OrgId, Id, cancellationToken)).Value;
        var scim = await settings.ExecuteAsync(OrgId, cancellationToken);
        ManualGrantsAllowed = !scim.Enabled || scim.ManualRoleGrants;
        OwnedByScim = scim.Enabled && !Employee.Billing.CredentialOnly;
        SecondFactor = await enrolment.StatusAsync(OrgId, Id, cancellationToken);
        return true;
    }
}
