using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Administration;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Roles;

/// <summary>
/// Roles and the permission catalogue (CXone "Security > Roles and permissions"). Changes need
/// <c>roles.manage</c>; reading the list is also allowed with <c>employees.view</c>, since
/// whoever assigns roles to employees must see them.
/// </summary>
public static class RoleEndpoints
{
    private static readonly string Manage = Permission.RolesManage.Key;
    private static readonly string ViewEmployees = Permission.EmployeesView.Key;

    public static void MapRoleEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var roles = org.MapGroup("/roles").WithTags("Roles");
        roles.MapGet("", ListAsync).RequirePermission(Manage, ViewEmployees)
            .WithSummary("Every role of the organization, active or not, ordered by name.");
        roles.MapPost("", CreateAsync).RequirePermission(Manage)
            .WithSummary("Create a role; names are unique and case-sensitive. Permissions imply others (employees.edit turns employees.view on).");
        roles.MapGet("/{id:guid}", GetAsync).RequirePermission(Manage, ViewEmployees)
            .WithSummary("One role.");
        roles.MapPut("/{id:guid}/name", RenameAsync).RequirePermission(Manage)
            .WithSummary("Rename a role.");
        roles.MapPut("/{id:guid}/permissions", SetPermissionsAsync).RequirePermission(Manage)
            .WithSummary("Replace a role's permissions.");
        roles.MapPost("/{id:guid}/deactivate", DeactivateAsync).RequirePermission(Manage)
            .WithSummary("Deactivate a role: SCIM requests may no longer name it.");
        roles.MapPost("/{id:guid}/activate", ActivateAsync).RequirePermission(Manage)
            .WithSummary("Activate a deactivated role.");
        org.MapGet("/permissions", ListPermissions).RequirePermission(Manage, ViewEmployees)
            .WithTags("Roles")
            .WithSummary("The permission catalogue a role can grant.");
    }

    private static async Task<Ok<IReadOnlyList<RoleDocument>>> ListAsync(Guid orgId, ListRoles list, CancellationToken cancellationToken)
    {
        var roles = await list.ExecuteAsync(orgId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RoleDocument>>([.. roles.Select(RoleDocument.From)]);
    }

    private static async Task<Results<Ok<RoleDocument>, ProblemHttpResult>> GetAsync(Guid orgId, Guid id, GetRole get, CancellationToken cancellationToken) =>
        Respond(await get.ExecuteAsync(orgId, id, cancellationToken));

    private static async Task<Results<Created<RoleDocument>, ProblemHttpResult>> CreateAsync(
        HttpContext context, CreateRoleRequest body, CreateRole create, CancellationToken cancellationToken)
    {
        var result = await create.ExecuteAsync(context.GetAdminActor(), body.Name ?? "", body.Permissions ?? [], cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error);
        }

        var role = RoleDocument.From(result.Value);
        return TypedResults.Created($"{context.Request.Path.ToUriComponent().TrimEnd('/')}/{role.Id}", role);
    }

    private static async Task<Results<Ok<RoleDocument>, ProblemHttpResult>> RenameAsync(
        HttpContext context, Guid id, RenameRoleRequest body, RenameRole rename, CancellationToken cancellationToken) =>
        Respond(await rename.ExecuteAsync(context.GetAdminActor(), id, body.Name ?? "", cancellationToken), "name");

    private static async Task<Results<Ok<RoleDocument>, ProblemHttpResult>> SetPermissionsAsync(
        HttpContext context, Guid id, RolePermissionsRequest body, SetRolePermissions set, CancellationToken cancellationToken)
    {
        // A forgotten field must not silently strip every permission: an empty list says so on purpose.
        if (body.Permissions is null)
        {
            return AdminProblems.Validation("permissions", "'permissions' is required: the complete list of permission keys ([] for none).");
        }

        return Respond(await set.ExecuteAsync(context.GetAdminActor(), id, body.Permissions, cancellationToken), "permissions");
    }

    private static async Task<Results<Ok<RoleDocument>, ProblemHttpResult>> DeactivateAsync(
        HttpContext context, Guid id, DeactivateRole deactivate, CancellationToken cancellationToken) =>
        Respond(await deactivate.ExecuteAsync(context.GetAdminActor(), id, cancellationToken));

    private static async Task<Results<Ok<RoleDocument>, ProblemHttpResult>> ActivateAsync(
        HttpContext context, Guid id, ActivateRole activate, CancellationToken cancellationToken) =>
        Respond(await activate.ExecuteAsync(context.GetAdminActor(), id, cancellationToken));

    private static Ok<IReadOnlyList<PermissionDocument>> ListPermissions() =>
        TypedResults.Ok<IReadOnlyList<PermissionDocument>>([.. Permission.All.Select(PermissionDocument.From)]);

    private static Results<Ok<RoleDocument>, ProblemHttpResult> Respond(AdminResult<Role> result, string? field = null) =>
        result.IsSuccess ? TypedResults.Ok(RoleDocument.From(result.Value)) : AdminProblems.From(result.Error, field);
}
