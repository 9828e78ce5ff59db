using System.Data.Common;
using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Directory.Roles;
using Roster.Directory.Sso;
using Roster.Directory.Users;

namespace Roster.Directory.Employees;

/// <summary>
/// Changes an employee's names, roles, login authenticator, billing attributes and active state
/// (deactivate / reactivate). Names and roles go into the SCIM document (next version, like a
/// SCIM PATCH, under the tenant's provisioning policy and the privilege model: the administrator
/// must hold every permission the person holds and every role given); roles set here replace the
/// ones held. Clearing billing makes the profile not billable with no license
/// (CXone's "profile only for credentials"). Refused while SCIM provisioning is on
/// (<see cref="AdminErrorKind.ManagedByScim"/>), and while the tenant is SSO only when it would leave no standing
/// break-glass administrator (<see cref="LastBreakGlass"/>). One <c>employee.update</c> event with what
/// changed; a change that changes nothing writes nothing.
/// </summary>
public sealed class UpdateEmployee(DirectoryDatabase database, TimeProvider time)
{
    public async Task<AdminResult<Employee>> ExecuteAsync(AdminActor actor, Guid employeeId, EmployeeUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(update);
        var firstName = update.FirstName is null ? AdminResult<string>.Success(null!) : EmployeeRules.Name(update.FirstName, "first name", "firstName");
        var lastName = update.LastName is null ? AdminResult<string>.Success(null!) : EmployeeRules.Name(update.LastName, "last name", "lastName");
        var authenticator = update.LoginAuthenticator is null ? AdminResult<string>.Success(null!) : EmployeeRules.Authenticator(update.LoginAuthenticator);
        var billing = update.ClearBilling ? BillingAttributes.None
            : update.Billing is null ? AdminResult<BillingAttributes>.Success(null!) : EmployeeRules.Billing(update.Billing);
        var invalid = firstName.Error ?? lastName.Error ?? authenticator.Error ?? billing.Error;
        if (invalid is not null)
        {
            return invalid;
        }

        return await database.AdminWriteAsync<Employee>(actor.TenantId, async session =>
        {
            var row = await EmployeeSql.ReadAsync(session, employeeId, cancellationToken);

            // A credential-only profile stays the administrators' while SCIM is on, as long as it stays one.
            var credentialOnly = row is not null && BillingJson.Parse(row.Billing).CredentialOnly && (billing.Value is null || billing.Value.CredentialOnly);
            if (await ManualManagementLock.CheckAsync(session, actor, cancellationToken, credentialOnly) is { } locked)
            {
                return locked;
            }

            if (row is null)
            {
                return EmployeeErrors.NotFound(employeeId);
            }

            var loginAuthenticator = row.LoginAuthenticator;
            if (authenticator.Value is { } named && !string.Equals(named, row.LoginAuthenticator, StringComparison.Ordinal))
            {
                var resolved = await Sso.LoginAuthenticatorNames.ResolveAsync(session, named, cancellationToken);
                if (!resolved.IsSuccess)
                {
                    return resolved.Error;
                }

                loginAuthenticator = resolved.Value;
            }

            var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
            var roleNames = EmployeeRules.RoleNames(update.PrimaryRoleId, update.RoleIds, roles, EmployeeProjection.RoleValues(row.Document));
            if (!roleNames.IsSuccess)
            {
                return roleNames.Error;
            }

            var before = await EmployeeProjection.ReadAsync(session, row, cancellationToken);
            var document = EmployeeDocument.With(row.Document, firstName.Value, lastName.Value, roleNames.Value);
            if (update.Active is { } active)
            {
                document["active"] = active;
            }

            var changed = row with
            {
                Document = document,
                Active = update.Active ?? row.Active,
                Status = update.Active switch
                {
                    false => EmployeeStatuses.Deactivated,
                    true when row.Status == EmployeeStatuses.Deactivated => EmployeeStatuses.Active,
                    _ => row.Status,
                },
                LoginAuthenticator = loginAuthenticator,
                Billing = billing.Value is { } b ? BillingJson.ToColumn(b) : row.Billing,
            };
            // Compared as the profile says (its roles), so that a role from a rule never reads as a change here.
            var changes = AuditChanges.Diff(EmployeeAudit.ToJson(EmployeeProjection.From(row, roles)), EmployeeAudit.ToJson(EmployeeProjection.From(changed, roles)));
            if (changes.Count == 0)
            {
                return before;
            }

            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var breakGlass = await LastBreakGlass.StandingAsync(session, cancellationToken);
            var written = await WriteDocumentAsync(session, actor, row, document, now, cancellationToken);
            if (!written.IsSuccess)
            {
                return written.Error;
            }

            await EmployeeSql.UpdateProfileAsync(session, row.Id, changed.LoginAuthenticator, BillingJson.Parse(changed.Billing), cancellationToken);
            if (await LastBreakGlass.RefusalAsync(session, breakGlass, update.Active == false ? "active" : "roleIds", cancellationToken) is { } lockedOut)
            {
                return lockedOut;
            }

            var after = await EmployeeProjection.ReadAsync(session, (await EmployeeSql.ReadAsync(session, row.Id, cancellationToken))!, cancellationToken);
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.EmployeeUpdate, AuditResourceTypes.Employee, row.Id, changes), now, cancellationToken);
            return after;
        }, cancellationToken);
    }

    // The document is written at the next version even when only profile columns changed, so that lastModified and the ETag move with any change.
    // The provisioning policy also applies the privilege model: changing this person needs every permission they hold, and each role given every permission it grants.
    private static async Task<AdminResult<bool>> WriteDocumentAsync(
        SqlSession session, AdminActor actor, EmployeeRow row, JsonObject document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var policy = await ProvisioningPolicy.ApplyAsync(session, row.Id, row.Document, document, actor.Permissions, PrivilegeRules.Yours, cancellationToken);
        if (!policy.IsSuccess)
        {
            return EmployeeErrors.FromPolicy(policy.Error);
        }

        var previous = UserColumns.From(row.Document);
        var stored = ResourceDocuments.ForStorage(document, row.Id);
        var columns = UserColumns.From(stored);
        if (!columns.IsSuccess)
        {
            return AdminError.Validation(columns.Error.Detail);
        }

        try
        {
            await UserSql.UpdateAsync(session, row.Id, columns.Value, previous.Value, now, row.Version + 1, stored.ToJsonString(), cancellationToken);
        }
        catch (DbException e) when (session.Dialect.IsUniqueViolation(e))
        {
            // userName is not changed here, so only a concurrent change of the same key can get here.
            return AdminError.Conflict($"The userName \"{columns.Value.UserName}\" is already taken in this organization.");
        }

        var granted = await policy.Value.GrantAsync(session, row.Id, stored, actor.Permissions, PrivilegeRules.Yours, now, cancellationToken);
        return granted.IsSuccess ? true : EmployeeErrors.FromPolicy(granted.Error);
    }
}
