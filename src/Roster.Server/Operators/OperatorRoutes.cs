using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Onboarding;
using Roster.Directory.Operators;
using Roster.Server.Admin.Http;
using Roster.Server.Deployment;

namespace Roster.Server.Operators;

/// <summary>
/// The operator API under <c>/api/v1/operator</c>: what a SaaS vendor's back end calls when one of
/// its customers signs up or leaves. Create, list, read, rename and delete tenants, and issue the
/// setup link that makes a tenant's first administrator. Every request carries an operator key
/// (<see cref="OperatorKeyHandler"/>); every change is audited as "operator key &lt;name&gt;".
/// JSON in and out, errors as ProblemDetails, like the admin API.
/// </summary>
public static class OperatorRoutes
{
    public static void MapOperator(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var tenants = app.MapGroup(OperatorPaths.Root + "/tenants")
            .RequireAuthorization(OperatorKeyDefaults.Policy)
            .RequireJsonForChanges()
            .WithTags("Operator")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        tenants.MapGet("", ListAsync).WithSummary($"Tenants, oldest first: page (from 1), pageSize 1-{OperatorTenants.MaxPageSize} (default {OperatorTenants.DefaultPageSize}).");
        tenants.MapPost("", CreateAsync).WithSummary("Create a tenant (with its Administrator role); the answer's orgId never changes.");
        tenants.MapGet("/{id:guid}", GetAsync).WithSummary("One tenant.");
        tenants.MapPatch("/{id:guid}", RenameAsync).WithSummary("Rename a tenant.");
        tenants.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a tenant and every row of it, at once and for good.");
        tenants.MapPost("/{id:guid}/setup-links", IssueSetupLinkAsync)
            .WithSummary("A single-use link that makes the tenant's first administrator; shown only in this answer.");
    }

    private static async Task<Results<Ok<TenantPageDocument>, ProblemHttpResult>> ListAsync(
        OperatorTenants tenants, CancellationToken cancellationToken, string? page = null, string? pageSize = null)
    {
        if (!TryNumber(page, 1, out var number))
        {
            return AdminProblems.Validation("page", "Pages are numbered from 1.");
        }

        if (!TryNumber(pageSize, OperatorTenants.DefaultPageSize, out var size))
        {
            return AdminProblems.Validation("pageSize", $"The page size must be a whole number between 1 and {OperatorTenants.MaxPageSize}.");
        }

        var result = await tenants.ListAsync(number, size, cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error);
        }

        var listed = result.Value;
        return TypedResults.Ok(new TenantPageDocument([.. listed.Tenants.Select(TenantDocument.From)], listed.Page, listed.PageSize, listed.TotalResults));
    }

    private static async Task<Results<Created<TenantDocument>, ProblemHttpResult>> CreateAsync(
        HttpContext context, TenantNameRequest body, OperatorTenants tenants, CancellationToken cancellationToken)
    {
        var result = await tenants.CreateAsync(context.GetOperatorActor(), body.Name, cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error, "name");
        }

        var created = TenantDocument.From(result.Value);
        return TypedResults.Created($"{OperatorPaths.Root}/tenants/{created.OrgId}", created);
    }

    private static async Task<Results<Ok<TenantDocument>, ProblemHttpResult>> GetAsync(Guid id, OperatorTenants tenants, CancellationToken cancellationToken)
    {
        var result = await tenants.FindAsync(id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(TenantDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Ok<TenantDocument>, ProblemHttpResult>> RenameAsync(
        HttpContext context, Guid id, TenantNameRequest body, OperatorTenants tenants, CancellationToken cancellationToken)
    {
        var result = await tenants.RenameAsync(context.GetOperatorActor(), id, body.Name, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(TenantDocument.From(result.Value)) : AdminProblems.From(result.Error, "name");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        HttpContext context, Guid id, OperatorTenants tenants, CancellationToken cancellationToken)
    {
        var result = await tenants.DeleteAsync(context.GetOperatorActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Created<SetupLinkDocument>, ProblemHttpResult>> IssueSetupLinkAsync(
        HttpContext context, Guid id, SetupLinkRequest? body, IssueSetupLink issue, DeploymentUrls urls, CancellationToken cancellationToken)
    {
        // The link goes to a customer by the vendor's mail: never built from the request's Host header.
        if (urls.EmailedLink(SetupLinkTokens.Path, out var problem) is null)
        {
            return AdminProblems.Problem(StatusCodes.Status409Conflict, problem!);
        }

        var hours = body?.ValidForHours ?? (int)SetupLinkTokens.DefaultLifetime.TotalHours;
        if (hours < 1 || hours > SetupLinkTokens.LongestLifetime.TotalHours)
        {
            return AdminProblems.Validation("validForHours", $"A setup link is valid for 1 to {SetupLinkTokens.LongestLifetime.TotalHours:0} hours (default {SetupLinkTokens.DefaultLifetime.TotalHours:0}).");
        }

        var result = await issue.ExecuteAsync(context.GetOperatorActor(), id, TimeSpan.FromHours(hours), cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error, "validForHours");
        }

        var link = result.Value;
        var baseUrl = urls.EmailedLink("", out _)!;
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created(
            $"{OperatorPaths.Root}/tenants/{id}/setup-links/{link.Id}",
            new SetupLinkDocument(link.Id, link.TenantId, SetupLinkTokens.Link(baseUrl, link.Token), link.Expires));
    }

    private static bool TryNumber(string? text, int fallback, out int value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text) || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
