using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.AccessKeys;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.AccessKeys;

/// <summary>
/// Access keys (CXone's employee "Security" tab): <c>POST /employees/{id}/access-keys</c> adds
/// one and shows its secret once; <c>/access-keys</c> lists, deactivates, reactivates and
/// deletes them. Every route needs <c>accesskeys.manage</c>.
/// </summary>
public static class AccessKeyEndpoints
{
    private static readonly string Manage = Permission.AccessKeysManage.Key;

    public static void MapAccessKeyEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        org.MapPost("/employees/{id:guid}/access-keys", CreateAsync).RequirePermission(Manage).WithTags("Access keys")
            .WithSummary("Add an access key to the profile (its role must allow employees.edit); the answer is the only time the secret is shown.");
        var keys = org.MapGroup("/access-keys").WithTags("Access keys");
        keys.MapGet("", ListAsync).RequirePermission(Manage)
            .WithSummary("Every access key of the organization, or one profile's (?ownerId=): ID, owner, created, last used, state.");
        keys.MapPost("/{id:guid}/deactivate", DeactivateAsync).RequirePermission(Manage)
            .WithSummary("Deactivate a key: it and every token it obtained stop working at once.");
        keys.MapPost("/{id:guid}/activate", ActivateAsync).RequirePermission(Manage)
            .WithSummary("Reactivate a deactivated key (tokens revoked on deactivation stay revoked).");
        keys.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Manage)
            .WithSummary("Delete a key for good.");
    }

    private static async Task<Results<Created<IssuedAccessKeyDocument>, ProblemHttpResult>> CreateAsync(
        HttpContext context, Guid id, CreateAccessKey create, CancellationToken cancellationToken)
    {
        var result = await create.ExecuteAsync(context.GetAdminActor(), id, cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error);
        }

        var issued = IssuedAccessKeyDocument.From(result.Value);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"{context.Request.PathBase}/api/v1/orgs/{context.GetAdminActor().TenantId}/access-keys/{issued.Id}", issued);
    }

    private static async Task<Ok<IReadOnlyList<AccessKeyDocument>>> ListAsync(Guid orgId, ListAccessKeys list, CancellationToken cancellationToken, Guid? ownerId = null)
    {
        var keys = await list.ExecuteAsync(orgId, ownerId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AccessKeyDocument>>([.. keys.Select(AccessKeyDocument.From)]);
    }

    private static async Task<Results<Ok<AccessKeyDocument>, ProblemHttpResult>> DeactivateAsync(
        HttpContext context, Guid id, ChangeAccessKey change, CancellationToken cancellationToken)
    {
        var result = await change.DeactivateAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(AccessKeyDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Ok<AccessKeyDocument>, ProblemHttpResult>> ActivateAsync(
        HttpContext context, Guid id, ChangeAccessKey change, CancellationToken cancellationToken)
    {
        var result = await change.ActivateAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(AccessKeyDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        HttpContext context, Guid id, ChangeAccessKey change, CancellationToken cancellationToken)
    {
        var result = await change.DeleteAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }
}
