using System.Data.Common;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Directory.Roles;
using Roster.Directory.Users;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Directory.Employees;

/// <summary>
/// Creates an employee profile by hand: a user whose userName and primary email are the email,
/// with the primary role in <c>roles</c>, status invited (the person activates it from the
/// invitation, <see cref="InviteEmployee"/>). The tenant's provisioning policy applies as to a
/// SCIM create (default and required roles, userName rules). Refused while SCIM provisioning is
/// on (<see cref="AdminErrorKind.ManagedByScim"/>), except for the operator and for a
/// credential-only profile (<see cref="BillingAttributes.CredentialOnly"/>). Audited as
/// <c>employee.create</c>.
/// </summary>
public sealed class CreateEmployee(DirectoryDatabase database, TimeProvider time)
{
    public Task<AdminResult<Employee>> ExecuteAsync(AdminActor actor, EmployeeDraft draft, CancellationToken cancellationToken) =>
        ExecuteAsync(actor, draft, null, null, cancellationToken);

    /// <summary>
    /// Creates the profile with <paramref name="before"/> and <paramref name="after"/> (given the new
    /// id) run in the same transaction; an error from either undoes everything (a setup link is used
    /// up only together with the administrator it makes).
    /// </summary>
    internal async Task<AdminResult<Employee>> ExecuteAsync(
        AdminActor actor, EmployeeDraft draft, Func<SqlSession, Task<AdminError?>>? before, Func<SqlSession, Guid, Task<AdminError?>>? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var email = EmployeeRules.Email(draft.Email);
        var firstName = EmployeeRules.Name(draft.FirstName, "first name", "firstName");
        var lastName = EmployeeRules.Name(draft.LastName, "last name", "lastName");
        var authenticator = EmployeeRules.Authenticator(draft.LoginAuthenticator);
        var billing = EmployeeRules.Billing(draft.Billing ?? BillingAttributes.Default);
        if (!email.IsSuccess)
        {
            return email.Error;
        }

        if (!firstName.IsSuccess)
        {
            return firstName.Error;
        }

        if (!lastName.IsSuccess)
        {
            return lastName.Error;
        }

        if (!authenticator.IsSuccess)
        {
            return authenticator.Error;
        }

        if (!billing.IsSuccess)
        {
            return billing.Error;
        }

        // Read here, where the checks above make them non-null, for the transaction below.
        var address = email.Value;
        var credentialOnly = billing.Value.CredentialOnly;
        var loginName = authenticator.Value;
        var first = firstName.Value;
        var last = lastName.Value;

        return await database.AdminWriteAsync<Employee>(actor.TenantId, async session =>
        {
            if (before is not null && await before(session) is { } refused)
            {
                return refused;
            }

            if (await ManualManagementLock.CheckAsync(session, actor, cancellationToken, credentialOnly) is { } locked)
            {
                return locked;
            }

            var loginAuthenticator = await Sso.LoginAuthenticatorNames.ResolveAsync(session, loginName, cancellationToken);
            if (!loginAuthenticator.IsSuccess)
            {
                return loginAuthenticator.Error;
            }

            var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
            var roleNames = EmployeeRules.RoleNames(draft.PrimaryRoleId, draft.RoleIds, roles, []);
            if (!roleNames.IsSuccess)
            {
                return roleNames.Error;
            }

            // Email is unique like userName: another user's userName or primary email would make sign-in ambiguous.
            if ((await EmployeeSql.FindByEmailAsync(session, address, cancellationToken)).Count > 0)
            {
                return EmployeeErrors.EmailTaken(address);
            }

            var body = EmployeeDocument.New(address, first, last, roleNames.Value ?? []);
            var normalized = ResourceNormalizer.Normalize(body, ScimResourceTypes.User, ResourceWriteMode.Create);
            if (!normalized.IsSuccess)
            {
                return AdminError.Validation(normalized.Error.Detail);
            }

            var policy = await ProvisioningPolicy.ApplyAsync(session, null, null, normalized.Value, actor.Permissions, PrivilegeRules.Yours, cancellationToken);
            if (!policy.IsSuccess)
            {
                return EmployeeErrors.FromPolicy(policy.Error);
            }

            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var id = Guid.CreateVersion7(now);
            var document = ResourceDocuments.ForStorage(normalized.Value, id);
            var columns = UserColumns.From(document);
            if (!columns.IsSuccess)
            {
                return AdminError.Validation(columns.Error.Detail);
            }

            var json = document.ToJsonString();
            try
            {
                await UserSql.InsertAsync(session, id, columns.Value, now, json, EmployeeStatuses.Invited, cancellationToken);
            }
            catch (DbException e) when (session.Dialect.IsUniqueViolation(e))
            {
                return EmployeeErrors.EmailTaken(address);
            }

            var granted = await policy.Value.GrantAsync(session, id, document, actor.Permissions, PrivilegeRules.Yours, now, cancellationToken);
            if (!granted.IsSuccess)
            {
                return EmployeeErrors.FromPolicy(granted.Error);
            }

            await EmployeeSql.UpdateProfileAsync(session, id, loginAuthenticator.Value, billing.Value, cancellationToken);
            var row = await EmployeeSql.ReadAsync(session, id, cancellationToken);
            var employee = await EmployeeProjection.ReadAsync(session, row!, cancellationToken);
            var entry = AuditEntry.For(actor, AuditActions.EmployeeCreate, AuditResourceTypes.Employee, id, AuditChanges.Diff(null, EmployeeAudit.ToJson(employee)));
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            if (after is not null && await after(session, id) is { } undone)
            {
                return undone;
            }

            return employee;
        }, cancellationToken);
    }
}
