using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Roles;
using Roster.Directory.Webhooks;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;
using Roster.Server.Webhooks;

namespace Roster.Server.Admin.Webhooks;

/// <summary>
/// Webhook endpoints under <c>/api/v1/orgs/{orgId}/webhooks</c>: register (the signing secret is
/// shown once), change, rotate the secret, delete, send a test event, read the delivery log and
/// the dead letters, redeliver. Reading needs <c>events.read</c>; changing needs <c>webhooks.manage</c>.
/// </summary>
public static class WebhookEndpoints
{
    private static readonly string Read = Permission.EventsRead.Key;
    private static readonly string Manage = Permission.WebhooksManage.Key;

    public static void MapWebhookEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var hooks = org.MapGroup("/webhooks").WithTags("Webhooks");
        hooks.MapGet("", ListAsync).RequirePermission(Read).WithSummary("The organization's webhook endpoints, with pending and dead-letter counts.");
        hooks.MapPost("", CreateAsync).RequirePermission(Manage)
            .WithSummary("Register an endpoint: url, description, eventTypes (types or families such as user.*; none for all). The answer is the only time the signing secret is shown.");
        hooks.MapGet("/{id:guid}", GetAsync).RequirePermission(Read).WithSummary("One endpoint.");
        hooks.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Manage)
            .WithSummary("Change url, description, eventTypes or enabled; members left out keep their value. Enabling resets the back-off.");
        hooks.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Manage).WithSummary("Delete the endpoint, its deliveries and its log.");
        hooks.MapPost("/{id:guid}/rotate-secret", RotateAsync).RequirePermission(Manage)
            .WithSummary("A new signing secret, shown once; the previous one keeps signing beside it for keepPreviousHours (24).");
        hooks.MapPost("/{id:guid}/test", TestAsync).RequirePermission(Manage)
            .WithSummary("Send a signed webhook.test event now and answer with what the endpoint did; it is logged, not retried.");
        hooks.MapGet("/{id:guid}/attempts", AttemptsAsync).RequirePermission(Read)
            .WithSummary("The delivery log, newest first: request, status and first bytes of the answer, duration, attempt. limit 1-200 (50); before=an attempt id for the next page.");
        hooks.MapGet("/{id:guid}/deliveries", DeliveriesAsync).RequirePermission(Read)
            .WithSummary("Deliveries in a state (state=dead for the dead letters, pending, delivered), oldest event first; after=a sequence for the next page.");
        hooks.MapPost("/{id:guid}/redeliver", RedeliverAsync).RequirePermission(Manage)
            .WithSummary("Send dead letters again, one (deliveryId) or all; the endpoint is enabled again.");
    }

    private static async Task<Ok<IReadOnlyList<WebhookEndpointDocument>>> ListAsync(Guid orgId, ListWebhookEndpoints list, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<WebhookEndpointDocument>>([.. (await list.ExecuteAsync(orgId, cancellationToken)).Select(WebhookEndpointDocument.From)]);

    private static async Task<Results<Ok<WebhookEndpointDocument>, ProblemHttpResult>> GetAsync(Guid orgId, Guid id, ListWebhookEndpoints list, CancellationToken cancellationToken)
    {
        var result = await list.GetAsync(orgId, id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(WebhookEndpointDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Created<IssuedWebhookSecretDocument>, ProblemHttpResult>> CreateAsync(
        HttpContext context, WebhookEndpointRequest request, CreateWebhookEndpoint create, CancellationToken cancellationToken)
    {
        var actor = context.GetAdminActor();
        var result = await create.ExecuteAsync(actor, request.ToDraft(), cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error);
        }

        context.Response.Headers.CacheControl = "no-store";
        var issued = IssuedWebhookSecretDocument.From(result.Value);
        return TypedResults.Created($"{context.Request.PathBase}/api/v1/orgs/{actor.TenantId}/webhooks/{issued.Endpoint.Id}", issued);
    }

    private static async Task<Results<Ok<WebhookEndpointDocument>, ProblemHttpResult>> UpdateAsync(
        HttpContext context, Guid id, WebhookEndpointRequest request, ChangeWebhookEndpoint change, CancellationToken cancellationToken)
    {
        var result = await change.UpdateAsync(context.GetAdminActor(), id, request.ToDraft(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(WebhookEndpointDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(HttpContext context, Guid id, ChangeWebhookEndpoint change, CancellationToken cancellationToken)
    {
        var result = await change.DeleteAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Ok<IssuedWebhookSecretDocument>, ProblemHttpResult>> RotateAsync(
        HttpContext context, Guid id, ChangeWebhookEndpoint change, CancellationToken cancellationToken, RotateSecretRequest? request = null)
    {
        var keep = request?.KeepPreviousHours is { } hours ? TimeSpan.FromHours(hours) : (TimeSpan?)null;
        var result = await change.RotateSecretAsync(context.GetAdminActor(), id, keep, cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error, "keepPreviousHours");
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(IssuedWebhookSecretDocument.From(result.Value));
    }

    private static async Task<Results<Ok<WebhookAttemptDocument>, ProblemHttpResult>> TestAsync(HttpContext context, Guid id, WebhookTestEvent test, CancellationToken cancellationToken)
    {
        var result = await test.SendAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(WebhookAttemptDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookAttemptDocument>>, ProblemHttpResult>> AttemptsAsync(
        Guid orgId, Guid id, ListWebhookDeliveries list, CancellationToken cancellationToken, int limit = 50, Guid? before = null)
    {
        var result = await list.AttemptsAsync(orgId, id, limit, before, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok<IReadOnlyList<WebhookAttemptDocument>>([.. result.Value.Select(WebhookAttemptDocument.From)])
            : AdminProblems.From(result.Error, "limit");
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookDeliveryDocument>>, ProblemHttpResult>> DeliveriesAsync(
        Guid orgId, Guid id, ListWebhookDeliveries list, CancellationToken cancellationToken, string state = WebhookDeliveryStates.Dead, int limit = 50, long after = 0)
    {
        var result = await list.DeliveriesAsync(orgId, id, state, limit, after, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok<IReadOnlyList<WebhookDeliveryDocument>>([.. result.Value.Select(WebhookDeliveryDocument.From)])
            : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Ok<RedeliveredDocument>, ProblemHttpResult>> RedeliverAsync(
        HttpContext context, Guid id, ChangeWebhookEndpoint change, CancellationToken cancellationToken, RedeliverRequest? request = null)
    {
        var result = await change.RedeliverAsync(context.GetAdminActor(), id, request?.DeliveryId, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(new RedeliveredDocument(result.Value)) : AdminProblems.From(result.Error);
    }
}
