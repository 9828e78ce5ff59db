using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Directory.SecondFactors;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Employees;

/// <summary>
/// A person's second factor as their administrators manage it (<c>GET</c> and <c>DELETE
/// /employees/{id}/second-factor</c>), the same use cases as the employee's console page: the
/// state shows no secret, and a reset (a lost phone) needs <c>employees.edit</c> and every
/// permission the person holds, since whoever resets a factor can sign in with the password alone.
/// </summary>
public static class EmployeeSecondFactorEndpoints
{
    public static void MapEmployeeSecondFactorEndpoints(this RouteGroupBuilder employees)
    {
        ArgumentNullException.ThrowIfNull(employees);
        employees.MapGet("/{id:guid}/second-factor", StatusAsync).RequirePermission(Permission.EmployeesView.Key)
            .WithSummary("Whether the person has an authenticator app, how many recovery codes are left, and whether the organization's policy requires one of them.");
        employees.MapDelete("/{id:guid}/second-factor", ResetAsync).RequirePermission(Permission.EmployeesEdit.Key)
            .WithSummary("Remove the person's authenticator app and recovery codes so that they set up a new one; needs every permission the person holds. 204 also when none was set up.");
    }

    private static async Task<Results<Ok<SecondFactorDocument>, ProblemHttpResult>> StatusAsync(
        Guid orgId, Guid id, GetEmployee get, Enrolment enrolment, CancellationToken cancellationToken)
    {
        // The status alone would answer for any id, also another tenant's: the profile is looked up first.
        var employee = await get.ExecuteAsync(orgId, id, cancellationToken);
        if (!employee.IsSuccess)
        {
            return AdminProblems.From(employee.Error);
        }

        return TypedResults.Ok(SecondFactorDocument.From(await enrolment.StatusAsync(orgId, id, cancellationToken)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResetAsync(
        HttpContext context, Guid id, ResetSecondFactor reset, CancellationToken cancellationToken)
    {
        var result = await reset.ExecuteAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }
}
