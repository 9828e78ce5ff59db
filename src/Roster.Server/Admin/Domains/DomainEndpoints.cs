using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Domains;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Domains;

/// <summary>
/// Verified email domains (<c>/api/v1/orgs/{orgId}/domains</c>), a login and security setting:
/// every route needs <c>security.login.manage</c>. A check that does not find the TXT record is
/// a 200 with <c>found: false</c> and a detail saying what was expected and found, since the
/// check itself worked and was recorded.
/// </summary>
public static class DomainEndpoints
{
    private static readonly string Manage = Permission.SecurityLoginManage.Key;

    public static void MapDomainEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var domains = org.MapGroup("/domains").WithTags("Verified domains");
        domains.MapGet("", ListAsync).RequirePermission(Manage)
            .WithSummary("Every email domain of the organization with its TXT record and verification state.");
        domains.MapPost("", AddAsync).RequirePermission(Manage)
            .WithSummary("Add a domain; the answer holds the TXT record to publish.");
        domains.MapDelete("/{id:guid}", RemoveAsync).RequirePermission(Manage)
            .WithSummary("Remove a domain.");
        domains.MapPost("/{id:guid}/verify", VerifyAsync).RequirePermission(Manage)
            .WithSummary("Look the TXT record up in DNS now and mark the domain verified when it is found.");
    }

    private static async Task<Ok<IReadOnlyList<DomainDocument>>> ListAsync(Guid orgId, ListDomains list, CancellationToken cancellationToken)
    {
        var domains = await list.ExecuteAsync(orgId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DomainDocument>>([.. domains.Select(DomainDocument.From)]);
    }

    private static async Task<Results<Created<DomainDocument>, ProblemHttpResult>> AddAsync(
        HttpContext context, AddDomainRequest body, AddDomain add, CancellationToken cancellationToken)
    {
        var result = await add.ExecuteAsync(context.GetAdminActor(), body.Domain ?? "", cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error, "domain");
        }

        var domain = DomainDocument.From(result.Value);
        return TypedResults.Created($"{context.Request.Path.ToUriComponent().TrimEnd('/')}/{domain.Id}", domain);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        HttpContext context, Guid id, RemoveDomain remove, CancellationToken cancellationToken)
    {
        var result = await remove.ExecuteAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Ok<DomainVerificationDocument>, ProblemHttpResult>> VerifyAsync(
        HttpContext context, Guid id, VerifyDomain verify, CancellationToken cancellationToken)
    {
        var result = await verify.ExecuteAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(DomainVerificationDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }
}
