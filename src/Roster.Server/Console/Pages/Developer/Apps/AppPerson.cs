using System.Security.Claims;
using Roster.Directory.Apps;
using Roster.Directory.Employees;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Developer.Apps;

/// <summary>The signed-in person as the app pages name them: the registrant box's default and the "registered by" of the contacts' email.</summary>
public static class AppPerson
{
    public static async Task<string> DescribeAsync(GetEmployee employees, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(employees);
        ArgumentNullException.ThrowIfNull(user);
        if (user.TenantId() is { } orgId && user.EmployeeId() is { } me && await employees.ExecuteAsync(orgId, me, cancellationToken) is { IsSuccess: true } person)
        {
            return RegisterApp.Describe(person.Value!);
        }

        return user.Identity?.Name ?? "";
    }
}
