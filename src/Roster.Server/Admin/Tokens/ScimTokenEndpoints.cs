using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Roles;
using Roster.Directory.Tokens;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Tokens;

/// <summary>
/// SCIM tokens (<c>/api/v1/orgs/{orgId}/scim-tokens</c>, CXone's "Tenant settings > Account
/// settings > SCIM tokens"): generated for an employee profile, shown once in the answer to the
/// POST and never again, revoked at once by DELETE. Every route needs <c>scim.manage</c>.
/// </summary>
public static class ScimTokenEndpoints
{
    private static readonly string Manage = Permission.ScimManage.Key;

    public static void MapScimTokenEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var tokens = org.MapGroup("/scim-tokens").WithTags("SCIM tokens");
        tokens.MapGet("", ListAsync).RequirePermission(Manage)
            .WithSummary("Every SCIM token of the organization: owner, created, expires, last used, last client, state (never the secret).");
        tokens.MapPost("", IssueAsync).RequirePermission(Manage)
            .WithSummary("Generate a token for an employee profile; the answer is the only time its text is shown.");
        tokens.MapDelete("/{id:guid}", RevokeAsync).RequirePermission(Manage)
            .WithSummary("Revoke a token at once.");
    }

    private static async Task<Ok<IReadOnlyList<ScimTokenDocument>>> ListAsync(Guid orgId, ListScimTokens list, CancellationToken cancellationToken)
    {
        var listed = await list.ExecuteAsync(orgId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ScimTokenDocument>>([.. listed.Select(ScimTokenDocument.From)]);
    }

    private static async Task<Results<Created<IssuedScimTokenDocument>, ProblemHttpResult>> IssueAsync(
        HttpContext context, IssueScimTokenRequest body, IssueScimToken issue, CancellationToken cancellationToken)
    {
        if (body.OwnerId is not { } owner)
        {
            return AdminProblems.Validation("ownerId", "Pick the employee profile the token belongs to (ownerId).");
        }

        var result = await issue.ExecuteAsync(context.GetAdminActor(), new ScimTokenRequest(body.Name ?? "", owner, body.Expires), cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error, "token");
        }

        var issued = IssuedScimTokenDocument.From(result.Value);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"{context.Request.Path.ToUriComponent().TrimEnd('/')}/{issued.Id}", issued);
    }

    private static async Task<Results<Ok<ScimTokenDocument>, ProblemHttpResult>> RevokeAsync(
        HttpContext context, Guid id, RevokeScimToken revoke, CancellationToken cancellationToken)
    {
        var result = await revoke.ExecuteAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(ScimTokenDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }
}
