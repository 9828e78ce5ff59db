using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.Roles;

namespace Roster.Directory.Tests.Support;

/// <summary>Employee profiles ready for a test: created by the operator and, when asked, given a password.</summary>
public static class EmployeeSetup
{
    public const string Password = "correct horse battery";

    public static async Task<Employee> InvitedAsync(TestDirectory directory, string email, Guid? roleId = null, Guid? tenantId = null)
    {
        var actor = AdminActor.Operator(tenantId ?? directory.Caller.TenantId);
        return (await directory.Get<CreateEmployee>().ExecuteAsync(actor, new EmployeeDraft(email, "Ada", "Lovelace", roleId), CancellationToken.None)).Ok();
    }

    /// <summary>An active profile with <see cref="Password"/>, set straight in the database (activation has its own tests).</summary>
    public static async Task<Employee> ActiveAsync(TestDirectory directory, string email, Guid? roleId = null, Guid? tenantId = null, string password = Password)
    {
        var tenant = tenantId ?? directory.Caller.TenantId;
        var employee = await InvitedAsync(directory, email, roleId, tenant);
        await using (var session = await directory.Database.WriteAsync(tenant, CancellationToken.None))
        {
            await EmployeeSql.UpdatePasswordHashAsync(session, employee.Id, EmployeePasswords.Hash(password), CancellationToken.None);
            await EmployeeSql.UpdateSignInStateAsync(session, employee.Id, EmployeeStatuses.Active, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        return employee with { Status = EmployeeStatus.Active };
    }

    /// <summary>
    /// Locks the profile with <paramref name="email"/> as guessing from many addresses does:
    /// <see cref="SignInLockout.AddressFailures"/> wrong passwords from each of enough addresses
    /// to reach <see cref="SignInLockout.AccountFailures"/>.
    /// </summary>
    public static async Task LockAsync(TestDirectory directory, string email, Guid? tenantId = null, string addressPrefix = "198.51.100.")
    {
        var signIn = directory.Get<SignInEmployee>();
        for (var failure = 0; failure < SignInLockout.AccountFailures; failure++)
        {
            var address = addressPrefix + (failure / SignInLockout.AddressFailures);
            var result = await signIn.ExecuteAsync(tenantId ?? directory.Caller.TenantId, email, "wrong password " + failure, address, CancellationToken.None);
            Assert.False(result.Succeeded);
        }
    }

    /// <summary>Turns the tenant's SCIM provisioning on or off, so that manual management is allowed or refused.</summary>
    public static async Task SetScimAsync(TestDirectory directory, bool enabled, Guid? tenantId = null)
    {
        var tenant = tenantId ?? directory.Caller.TenantId;
        var settings = await directory.Get<GetScimSettings>().ExecuteAsync(tenant, CancellationToken.None);
        var actor = new AdminActor(tenant, null, null, "console", PermissionSet.Unbounded);
        (await directory.Get<UpdateScimSettings>().ExecuteAsync(actor, ScimSettingsUpdate.From(settings) with { Enabled = enabled }, CancellationToken.None)).Ok();
    }

    /// <summary>The tenant's audit events about one employee, oldest first.</summary>
    public static async Task<List<AuditEvent>> EventsAsync(TestDirectory directory, Guid employeeId, Guid? tenantId = null)
    {
        var page = (await directory.Get<ListAuditEvents>().ExecuteAsync(
            tenantId ?? directory.Caller.TenantId, new AuditQuery { ResourceId = employeeId, PageSize = AuditQuery.MaxPageSize }, CancellationToken.None)).Ok();
        return [.. page.Events.Reverse()];
    }
}
