using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;

namespace Roster.Directory.Webhooks;

/// <summary>
/// Registers a webhook endpoint: its URL (checked against the SSRF rules when it is an address),
/// event types and description, and a new signing secret returned once. It receives the events
/// committed after it was made.
/// </summary>
public sealed class CreateWebhookEndpoint(DirectoryDatabase database, WebhookSecrets secrets, WebhookNetworkPolicy network, TimeProvider time)
{
    public async Task<AdminResult<IssuedWebhookSecret>> ExecuteAsync(AdminActor actor, WebhookDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var (url, refusal) = WebhookUrl.Parse(draft.Url, network);
        if (url is null)
        {
            return AdminError.Validation(refusal!) with { Field = "url" };
        }

        var types = draft.EventTypes ?? [];
        var description = draft.Description?.Trim() ?? "";
        if ((WebhookErrors.CheckTypes(types) ?? WebhookErrors.CheckDescription(description)) is { } invalid)
        {
            return invalid;
        }

        var secret = WebhookSecrets.Generate();
        var stored = secrets.Protect(secret);
        return await database.AdminWriteAsync<IssuedWebhookSecret>(actor.TenantId, async session =>
        {
            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var id = Guid.CreateVersion7(now);
            var parameters = session.Parameters();
            var dialect = session.Dialect;
            var at = parameters.Add(dialect.Timestamp(now));
            await session.ExecuteAsync(
                "INSERT INTO webhook_endpoints (tenant_id, id, url, description, event_types, enabled, secret, cursor, failures, created, last_modified) " +
                $"VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(id))}, {parameters.Add(url.AbsoluteUri)}, {parameters.Add(description)}, " +
                $"{parameters.Add(WebhookSql.JoinTypes(types))}, {parameters.Add(dialect.BooleanValue(draft.Enabled ?? true))}, {parameters.Add(stored)}, 0, 0, {at}, {at})",
                parameters, cancellationToken);
            var changes = new JsonObject
            {
                ["url"] = new JsonObject { ["before"] = null, ["after"] = url.AbsoluteUri },
                ["eventTypes"] = new JsonObject { ["before"] = null, ["after"] = WebhookSql.JoinTypes(types) },
                ["description"] = new JsonObject { ["before"] = null, ["after"] = description },
            };
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.WebhookCreate, AuditResourceTypes.Webhook, id, changes), now, cancellationToken);

            // It starts after its own creation: the first event it receives is the next change.
            var start = session.Parameters();
            await session.ExecuteAsync(
                $"UPDATE webhook_endpoints SET cursor = (SELECT COALESCE(MAX(sequence), 0) FROM events WHERE tenant_id = {SqlParameters.Tenant}) " +
                $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {start.Add(dialect.Key(id))}",
                start, cancellationToken);
            return new IssuedWebhookSecret((await WebhookSql.ReadAsync(session, id, cancellationToken))!, secret);
        }, cancellationToken);
    }
}
