using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Employees;

/// <summary>
/// An employee's group memberships by hand: <c>PUT</c> and <c>DELETE</c>
/// <c>/employees/{id}/groups/{groupId}</c>, both idempotent, both needing <c>employees.edit</c>,
/// both refused (409) while SCIM provisioning is on, since the IdP owns memberships then.
/// </summary>
public static class EmployeeGroupEndpoints
{
    private static readonly string Edit = Permission.EmployeesEdit.Key;

    public static void MapEmployeeGroupEndpoints(this RouteGroupBuilder employees)
    {
        ArgumentNullException.ThrowIfNull(employees);
        employees.MapPut("/{id:guid}/groups/{groupId:guid}", AddAsync).RequirePermission(Edit)
            .WithSummary("Add the employee to a group. Refused while SCIM provisioning is on.");
        employees.MapDelete("/{id:guid}/groups/{groupId:guid}", RemoveAsync).RequirePermission(Edit)
            .WithSummary("Remove the employee from a group. Refused while SCIM provisioning is on.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AddAsync(
        HttpContext context, Guid id, Guid groupId, ChangeEmployeeGroups groups, CancellationToken cancellationToken)
    {
        var result = await groups.AddAsync(context.GetAdminActor(), id, groupId, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        HttpContext context, Guid id, Guid groupId, ChangeEmployeeGroups groups, CancellationToken cancellationToken)
    {
        var result = await groups.RemoveAsync(context.GetAdminActor(), id, groupId, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }
}
