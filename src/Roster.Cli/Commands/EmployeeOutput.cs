using Roster.Directory.Employees;

namespace Roster.Cli.Commands;

/// <summary>An employee profile as commands print it.</summary>
public static class EmployeeOutput
{
    public static object ToJson(Employee employee)
    {
        ArgumentNullException.ThrowIfNull(employee);
        return new
        {
            id = employee.Id,
            email = employee.Email,
            firstName = employee.FirstName,
            lastName = employee.LastName,
            primaryRoleId = employee.PrimaryRoleId,
            primaryRole = employee.PrimaryRoleName,
            status = employee.Status.ToString().ToLowerInvariant(),
            loginAuthenticator = employee.LoginAuthenticator,
            billable = employee.Billing.Billable,
            created = employee.Created,
        };
    }

    public static void Print(Employee employee, bool json)
    {
        ArgumentNullException.ThrowIfNull(employee);
        if (json)
        {
            Output.Json(ToJson(employee));
            return;
        }

        Console.WriteLine($"{employee.Id}  {employee.Email}  {employee.FirstName} {employee.LastName}  {employee.Status.ToString().ToLowerInvariant()}  {employee.PrimaryRoleName ?? "(no role)"}");
    }
}
