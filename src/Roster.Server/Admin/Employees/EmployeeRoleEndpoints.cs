using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Employees;

/// <summary>
/// Why a person holds each role (<c>GET /employees/{id}/roles</c>), and roles granted by hand
/// beside the IdP's (<c>PUT</c>/<c>DELETE /employees/{id}/role-grants/{roleId}</c>), which a
/// tenant must allow while SCIM provisioning is on.
/// </summary>
public static class EmployeeRoleEndpoints
{
    public static void MapEmployeeRoleEndpoints(this RouteGroupBuilder employees)
    {
        ArgumentNullException.ThrowIfNull(employees);
        employees.MapGet("/{id:guid}/roles", ExplainAsync).RequirePermission(Permission.EmployeesView.Key)
            .WithSummary("Each role the person holds, the primary one first, with every reason: roles value, value rule, group through rule (and the nesting path), default, fallback or required role, manual grant.");
        employees.MapPut("/{id:guid}/role-grants/{roleId:guid}", GrantAsync).RequirePermission(Permission.EmployeesEdit.Key)
            .WithSummary("Grant a role by hand (marked manual). While SCIM is on, the organization must allow manual role grants.");
        employees.MapDelete("/{id:guid}/role-grants/{roleId:guid}", RevokeAsync).RequirePermission(Permission.EmployeesEdit.Key)
            .WithSummary("Take back a role granted by hand; grants from the IdP stay.");
    }

    private static async Task<Results<Ok<RoleExplanationDocument>, ProblemHttpResult>> ExplainAsync(Guid orgId, Guid id, ExplainRoles explain, CancellationToken cancellationToken)
    {
        var result = await explain.ExecuteAsync(orgId, id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(RoleExplanationDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> GrantAsync(HttpContext context, Guid id, Guid roleId, ManualRoleGrants grants, CancellationToken cancellationToken)
    {
        var result = await grants.GrantAsync(context.GetAdminActor(), id, roleId, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(HttpContext context, Guid id, Guid roleId, ManualRoleGrants grants, CancellationToken cancellationToken)
    {
        var result = await grants.RevokeAsync(context.GetAdminActor(), id, roleId, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }
}
