using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;

namespace Roster.Directory.Webhooks;

/// <summary>
/// Changes a webhook endpoint: its URL, types, description or whether it is enabled; rotates its
/// secret (the previous one keeps signing for an overlap, so receivers can switch without losing
/// a delivery); deletes it with its deliveries and log. Each change is audited, never a secret.
/// </summary>
public sealed class ChangeWebhookEndpoint(DirectoryDatabase database, WebhookSecrets secrets, WebhookNetworkPolicy network, WebhookOptions options, TimeProvider time)
{
    public async Task<AdminResult<WebhookEndpoint>> UpdateAsync(AdminActor actor, Guid id, WebhookDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        Uri? url = null;
        if (draft.Url is not null)
        {
            (url, var refusal) = WebhookUrl.Parse(draft.Url, network);
            if (url is null)
            {
                return AdminError.Validation(refusal!) with { Field = "url" };
            }
        }

        if ((draft.EventTypes is { } types ? WebhookErrors.CheckTypes(types) : null) is { } badTypes)
        {
            return badTypes;
        }

        if ((draft.Description is { } text ? WebhookErrors.CheckDescription(text.Trim()) : null) is { } badDescription)
        {
            return badDescription;
        }

        return await database.AdminWriteAsync<WebhookEndpoint>(actor.TenantId, async session =>
        {
            var before = await WebhookSql.ReadAsync(session, id, cancellationToken);
            if (before is null)
            {
                return WebhookErrors.NotFound();
            }

            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var parameters = session.Parameters();
            var dialect = session.Dialect;
            var sets = new List<string> { $"last_modified = {parameters.Add(dialect.Timestamp(now))}" };
            var changes = new JsonObject();
            if (url is not null && url.AbsoluteUri != before.Url)
            {
                sets.Add($"url = {parameters.Add(url.AbsoluteUri)}");
                changes["url"] = Change(before.Url, url.AbsoluteUri);
            }

            if (draft.Description?.Trim() is { } description && description != before.Description)
            {
                sets.Add($"description = {parameters.Add(description)}");
                changes["description"] = Change(before.Description, description);
            }

            if (draft.EventTypes is { } eventTypes && WebhookSql.JoinTypes(eventTypes) is var joined && joined != WebhookSql.JoinTypes(before.EventTypes))
            {
                sets.Add($"event_types = {parameters.Add(joined)}");
                changes["eventTypes"] = Change(WebhookSql.JoinTypes(before.EventTypes), joined);
            }

            if (draft.Enabled is { } enabled && enabled != before.Enabled)
            {
                // Enabled again: tried at once, and its back-off starts over.
                sets.Add($"enabled = {parameters.Add(dialect.BooleanValue(enabled))}, disabled_reason = {parameters.Add(enabled ? null : "Disabled by an administrator.")}");
                sets.Add("failures = 0, failing_since = NULL, retry_at = NULL");
                changes["enabled"] = new JsonObject { ["before"] = before.Enabled, ["after"] = enabled };
            }

            if (changes.Count > 0)
            {
                await session.ExecuteAsync(
                    $"UPDATE webhook_endpoints SET {string.Join(", ", sets)} WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}",
                    parameters, cancellationToken);
                await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.WebhookUpdate, AuditResourceTypes.Webhook, id, changes), now, cancellationToken);
            }

            return (await WebhookSql.ReadAsync(session, id, cancellationToken))!;
        }, cancellationToken);
    }

    /// <summary>
    /// A new secret, returned once; the current one keeps signing beside it for
    /// <paramref name="keepPrevious"/> (the configured overlap when null, none when zero).
    /// </summary>
    public async Task<AdminResult<IssuedWebhookSecret>> RotateSecretAsync(AdminActor actor, Guid id, TimeSpan? keepPrevious, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var overlap = keepPrevious ?? options.SecretOverlap;
        if (overlap < TimeSpan.Zero || overlap > TimeSpan.FromDays(7))
        {
            return AdminError.Validation("The previous secret may keep signing for 0 to 7 days.");
        }

        var secret = WebhookSecrets.Generate();
        var stored = secrets.Protect(secret);
        return await database.AdminWriteAsync<IssuedWebhookSecret>(actor.TenantId, async session =>
        {
            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var parameters = session.Parameters();
            var dialect = session.Dialect;
            var expires = overlap == TimeSpan.Zero ? null : dialect.Timestamp(now + overlap);
            var changed = await session.ExecuteAsync(
                $"UPDATE webhook_endpoints SET previous_secret = {(overlap == TimeSpan.Zero ? "NULL" : "secret")}, previous_secret_expires = {parameters.Add(expires)}, " +
                $"secret = {parameters.Add(stored)}, last_modified = {parameters.Add(dialect.Timestamp(now))} " +
                $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}",
                parameters, cancellationToken);
            if (changed == 0)
            {
                return WebhookErrors.NotFound();
            }

            var changes = new JsonObject { ["previousSecretExpires"] = new JsonObject { ["before"] = null, ["after"] = overlap == TimeSpan.Zero ? null : ScimDateTime.ToText(now + overlap) } };
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.WebhookSecretRotate, AuditResourceTypes.Webhook, id, changes), now, cancellationToken);
            return new IssuedWebhookSecret((await WebhookSql.ReadAsync(session, id, cancellationToken))!, secret);
        }, cancellationToken);
    }

    public async Task<AdminResult<WebhookEndpoint>> DeleteAsync(AdminActor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await database.AdminWriteAsync<WebhookEndpoint>(actor.TenantId, async session =>
        {
            var before = await WebhookSql.ReadAsync(session, id, cancellationToken);
            if (before is null)
            {
                return WebhookErrors.NotFound();
            }

            var parameters = session.Parameters();
            var key = parameters.Add(session.Dialect.Key(id));
            await session.ExecuteAsync(
                $"DELETE FROM webhook_attempts WHERE tenant_id = {SqlParameters.Tenant} AND endpoint_id = {key};" +
                $"DELETE FROM webhook_deliveries WHERE tenant_id = {SqlParameters.Tenant} AND endpoint_id = {key};" +
                $"DELETE FROM webhook_endpoints WHERE tenant_id = {SqlParameters.Tenant} AND id = {key};",
                parameters, cancellationToken);
            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var changes = new JsonObject { ["url"] = Change(before.Url, null) };
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.WebhookDelete, AuditResourceTypes.Webhook, id, changes), now, cancellationToken);
            return before;
        }, cancellationToken);
    }

    /// <summary>
    /// Sends dead letters again: one (<paramref name="deliveryId"/>) or all of the endpoint's. The
    /// endpoint is enabled again with its back-off reset; each resource's events still go in order.
    /// </summary>
    public async Task<AdminResult<long>> RedeliverAsync(AdminActor actor, Guid id, Guid? deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await database.AdminWriteAsync<long>(actor.TenantId, async session =>
        {
            if (await WebhookSql.ReadAsync(session, id, cancellationToken) is null)
            {
                return WebhookErrors.NotFound();
            }

            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var parameters = session.Parameters();
            var dialect = session.Dialect;
            var endpoint = parameters.Add(dialect.Key(id));
            var one = deliveryId is { } delivery ? $" AND id = {parameters.Add(dialect.Key(delivery))}" : "";
            var count = await session.ExecuteAsync(
                $"UPDATE webhook_deliveries SET state = '{WebhookDeliveryStates.Pending}', lease_owner = NULL, lease_until = NULL " +
                $"WHERE tenant_id = {SqlParameters.Tenant} AND endpoint_id = {endpoint} AND state = '{WebhookDeliveryStates.Dead}'{one}",
                parameters, cancellationToken);
            if (deliveryId is not null && count == 0)
            {
                return AdminError.NotFound("There is no such dead letter for this endpoint.");
            }

            var reset = session.Parameters();
            await session.ExecuteAsync(
                $"UPDATE webhook_endpoints SET enabled = {reset.Add(dialect.BooleanValue(true))}, disabled_reason = NULL, failures = 0, failing_since = NULL, retry_at = NULL " +
                $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {reset.Add(dialect.Key(id))}",
                reset, cancellationToken);
            var changes = new JsonObject { ["redelivered"] = count };
            if (deliveryId is { } single)
            {
                changes["deliveryId"] = single.ToString();
            }

            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.WebhookRedeliver, AuditResourceTypes.Webhook, id, changes), now, cancellationToken);
            return (long)count;
        }, cancellationToken);
    }

    private static JsonObject Change(string? before, string? after) => new() { ["before"] = before, ["after"] = after };
}
