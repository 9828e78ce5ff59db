using System.Text.Json;
using Roster.Directory.Administration;
using Roster.Directory.Events;
using Roster.Directory.Resources;
using Roster.Directory.Webhooks;

namespace Roster.Server.Webhooks;

/// <summary>
/// "Send test event": a <c>webhook.test</c> event, signed like any delivery, sent now to one
/// endpoint (enabled or not) and written to its delivery log. It is not in the feed and changes
/// no delivery or back-off.
/// </summary>
public sealed class WebhookTestEvent(WebhookDispatchStore store, WebhookSender sender, TimeProvider time)
{
    public async Task<AdminResult<DeliveryOutcome>> SendAsync(AdminActor actor, Guid endpointId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var endpoint = await store.EndpointAsync(actor.TenantId, endpointId, cancellationToken);
        if (endpoint is null)
        {
            return AdminError.NotFound("There is no such webhook endpoint in this organization.");
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var body = JsonSerializer.Serialize(new
        {
            sequence = 0,
            id,
            type = EventTypes.WebhookTest,
            timestamp = ScimDateTime.ToText(ScimDateTime.Truncate(now)),
            schemaVersion = 1,
            orgId = actor.TenantId,
            actor = new { profileId = actor.ProfileId, credentialId = actor.CredentialId, client = actor.Client },
            resource = new { type = "Webhook", id = endpointId },
            data = new { message = "A test event from Roster: if you read this, the endpoint and its signature check work." },
        });
        var outcome = await sender.SendAsync(endpoint, null, id, EventTypes.WebhookTest, body, cancellationToken);
        await store.RecordTestAsync(actor.TenantId, endpointId, outcome, cancellationToken);
        return outcome;
    }
}
