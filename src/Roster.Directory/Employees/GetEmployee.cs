using Roster.Directory.Administration;
using Roster.Directory.Database;

namespace Roster.Directory.Employees;

/// <summary>One employee profile of the tenant (any user: SCIM-provisioned ones are profiles too).</summary>
public sealed class GetEmployee(DirectoryDatabase database)
{
    public async Task<AdminResult<Employee>> ExecuteAsync(Guid tenantId, Guid employeeId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var row = await EmployeeSql.ReadAsync(session, employeeId, cancellationToken);
        if (row is null)
        {
            return EmployeeErrors.NotFound(employeeId);
        }

        return await EmployeeProjection.ReadAsync(session, row, cancellationToken);
    }
}
