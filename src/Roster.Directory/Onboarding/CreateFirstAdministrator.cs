using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.Roles;

namespace Roster.Directory.Onboarding;

/// <summary>
/// The person's side of a setup link: in one transaction, the link is checked again and used up,
/// the Administrator role made if the tenant lacks it, and an active profile holding it created
/// with the person's password. The operator issued the link, so the link acts with the operator's
/// authority (no permission checks, not bound by the SCIM manual-management lock); audited with
/// client <c>setup-link</c> as <c>employee.create</c>, <c>employee.activate</c> and <c>setup_link.use</c>.
/// </summary>
public sealed class CreateFirstAdministrator(DirectoryDatabase database, CreateEmployee create, IPasswordHasher<Employee> hasher)
{
    public async Task<AdminResult<FirstAdministrator>> ExecuteAsync(string? token, FirstAdministratorDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!SetupLinkTokens.TryParse(token, out var tenantId, out var linkId, out var hash))
        {
            return AdminError.Validation(SetupLinkErrors.Invalid);
        }

        if (draft.Password is null || draft.Password.Length < ActivateEmployee.MinPasswordLength)
        {
            return AdminError.Validation($"Choose a password of at least {ActivateEmployee.MinPasswordLength} characters.");
        }

        if (draft.Password.Length > ActivateEmployee.MaxPasswordLength)
        {
            return AdminError.Validation($"A password has at most {ActivateEmployee.MaxPasswordLength} characters.");
        }

        // Checked before hashing, so that a made-up link costs no PBKDF2 and no transaction waits on it.
        Guid roleId;
        await using (var read = await database.ReadAsync(tenantId, cancellationToken))
        {
            if ((await SetupLinkCheck.CheckAsync(read, linkId, hash, cancellationToken)).Refusal is { } refused)
            {
                return AdminError.Validation(refused);
            }

            roleId = await TenantAdministrators.RoleIdAsync(read, cancellationToken);
        }

        var passwordHash = hasher.HashPassword(null!, draft.Password);
        var actor = new AdminActor(tenantId, null, linkId, OnboardingAuditActions.SetupLinkClient, PermissionSet.Unbounded) { ActsAsOperator = true };

        // Checked again inside the transaction: two people using one link at once make one administrator.
        async Task<AdminError?> BeforeAsync(SqlSession session)
        {
            var (link, refusal) = await SetupLinkCheck.CheckAsync(session, linkId, hash, cancellationToken);
            return link is null ? AdminError.Validation(refusal!) : await TenantAdministrators.EnsureRoleAsync(session, actor, roleId, cancellationToken);
        }

        async Task<AdminError?> AfterAsync(SqlSession session, Guid id)
        {
            if (!await SetupLinkSql.MarkUsedAsync(session, linkId, cancellationToken))
            {
                return AdminError.Validation(SetupLinkErrors.Used);
            }

            await EmployeeSql.UpdatePasswordHashAsync(session, id, passwordHash, cancellationToken);
            await EmployeeSql.UpdateSignInStateAsync(session, id, EmployeeStatuses.Active, cancellationToken);
            var activated = new JsonObject { ["status"] = new JsonObject { ["before"] = EmployeeStatuses.Invited, ["after"] = EmployeeStatuses.Active } };
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.EmployeeActivate, AuditResourceTypes.Employee, id, activated), session.Now, cancellationToken);
            var used = new JsonObject { ["administrator"] = id.ToString() };
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, OnboardingAuditActions.SetupLinkUse, OnboardingAuditActions.SetupLinkResource, linkId, used), session.Now, cancellationToken);
            return null;
        }

        var created = await create.ExecuteAsync(actor, new EmployeeDraft(draft.Email, draft.FirstName, draft.LastName, roleId), BeforeAsync, AfterAsync, cancellationToken);
        return created.IsSuccess ? new FirstAdministrator(tenantId, created.Value) : created.Error;
    }
}
