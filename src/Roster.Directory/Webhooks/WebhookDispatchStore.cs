using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Events;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;

namespace Roster.Directory.Webhooks;

/// <summary>
/// The sender's statements: turning new feed events into deliveries (<see cref="FanOutAsync"/>),
/// claiming due deliveries with a lease (<see cref="ClaimAsync"/>), recording what each request
/// did (<see cref="CompleteAsync"/>) and giving up on an endpoint that failed too long
/// (<see cref="GiveUpAsync"/>). Order per resource: only a resource's oldest pending delivery
/// can be claimed, so its next event is sent only once the one before is delivered. Several
/// nodes: the endpoint row is locked while its deliveries are made, and claims skip rows that
/// another node is claiming (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL) and rows under a live
/// lease; a killed node's leases run out and its deliveries are claimed again.
/// </summary>
public sealed class WebhookDispatchStore(DirectoryDatabase database, WebhookOptions options, TimeProvider time, FilterSqlTranslator translator)
{
    /// <summary>What Roster writes in the audit log as the client of changes its sender makes (disabling a failing endpoint).</summary>
    public const string Client = "webhooks";

    /// <summary>Every enabled endpoint of every tenant, with its tenant's feed head: deliberately cross-tenant, the one place that is.</summary>
    public async Task<IReadOnlyList<EndpointWork>> EndpointsAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.CrossTenantReadAsync(cancellationToken);
        var dialect = session.Dialect;
        var parameters = session.Parameters();
        return await session.QueryAsync(
            "SELECT e.tenant_id, e.id, e.url, e.event_types, e.cursor, COALESCE((SELECT MAX(v.sequence) FROM events v WHERE v.tenant_id = e.tenant_id), 0), " +
            "e.failures, e.failing_since, e.retry_at, e.secret, e.previous_secret, e.previous_secret_expires " +
            $"FROM webhook_endpoints e WHERE e.enabled = {parameters.Add(dialect.BooleanValue(true))}",
            // Cross-tenant by design: the sender's round finds the work of every tenant; each delivery then runs in its tenant's session.
            parameters, reader => ReadWork(reader, dialect), cancellationToken, SqlScope.CrossTenant);
    }

    /// <summary>The endpoint's secrets and address for a test event, enabled or not; null when it does not exist.</summary>
    public async Task<EndpointWork?> EndpointAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var dialect = session.Dialect;
        var parameters = session.Parameters();
        var rows = await session.QueryAsync(
            "SELECT e.tenant_id, e.id, e.url, e.event_types, e.cursor, 0, e.failures, e.failing_since, e.retry_at, e.secret, e.previous_secret, e.previous_secret_expires " +
            $"FROM webhook_endpoints e WHERE e.tenant_id = {SqlParameters.Tenant} AND e.id = {parameters.Add(dialect.Key(id))}",
            parameters, reader => ReadWork(reader, dialect), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Makes deliveries of up to <paramref name="max"/> events after the endpoint's cursor (those of
    /// its types) and moves the cursor past them, in one transaction; 0 when another node did it first.
    /// </summary>
    public async Task<int> FanOutAsync(EndpointWork endpoint, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        await using var session = await database.BookkeepingAsync(endpoint.TenantId, cancellationToken);
        var dialect = session.Dialect;
        var lockParameters = session.Parameters();
        var key = lockParameters.Add(dialect.Key(endpoint.Id));

        // Locks the endpoint's row: a second node doing the same waits here, then finds the cursor moved.
        var locked = await session.ExecuteAsync(
            $"UPDATE webhook_endpoints SET cursor = cursor WHERE tenant_id = {SqlParameters.Tenant} AND id = {key} " +
            $"AND enabled = {lockParameters.Add(dialect.BooleanValue(true))} AND cursor = {lockParameters.Add(endpoint.Cursor)}",
            lockParameters, cancellationToken);
        if (locked == 0)
        {
            return 0;
        }

        var read = session.Parameters();
        var events = await session.QueryAsync(
            $"SELECT sequence, id, type, resource_id FROM events WHERE tenant_id = {SqlParameters.Tenant} AND sequence > {read.Add(endpoint.Cursor)} " +
            $"ORDER BY sequence LIMIT {read.Add((long)max)}",
            read, reader => (Sequence: reader.GetInt64(0), Id: dialect.ReadKey(reader, 1), Type: reader.GetString(2), Resource: dialect.ReadKey(reader, 3)), cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var write = session.Parameters();
        var sql = new StringBuilder();
        var wanted = events.Where(e => EventTypes.Matches(e.Type, endpoint.EventTypes)).ToList();
        if (wanted.Count > 0)
        {
            var endpointKey = write.Add(dialect.Key(endpoint.Id));
            var created = write.Add(dialect.Timestamp(now));
            sql.Append("INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, sequence, event_id, type, resource_id, state, attempts, created) VALUES ");
            sql.AppendJoin(", ", wanted.Select(e =>
                $"({SqlParameters.Tenant}, {write.Add(dialect.Key(AuditEventIds.Next(now)))}, {endpointKey}, {write.Add(e.Sequence)}, {write.Add(dialect.Key(e.Id))}, " +
                $"{write.Add(e.Type)}, {write.Add(dialect.Key(e.Resource))}, '{WebhookDeliveryStates.Pending}', 0, {created})"));
            sql.Append(';');
        }

        sql.Append(CultureInfo.InvariantCulture, $"UPDATE webhook_endpoints SET cursor = {write.Add(events[^1].Sequence)} WHERE tenant_id = {SqlParameters.Tenant} AND id = {write.Add(dialect.Key(endpoint.Id))};");
        await session.ExecuteAsync(sql.ToString(), write, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return events.Count;
    }

    /// <summary>Leases up to <paramref name="max"/> due deliveries of the endpoint to <paramref name="node"/>, oldest first, each the oldest pending one of its resource.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(EndpointWork endpoint, string node, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        await using var session = await database.BookkeepingAsync(endpoint.TenantId, cancellationToken);
        var dialect = session.Dialect;
        var parameters = session.Parameters();
        var now = time.GetUtcNow();
        var key = parameters.Add(dialect.Key(endpoint.Id));
        var pending = $"'{WebhookDeliveryStates.Pending}'";
        var claimed = await session.QueryAsync(
            $"UPDATE webhook_deliveries SET lease_owner = {parameters.Add(node)}, lease_until = {parameters.Add(dialect.Timestamp(now + options.Lease))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id IN (SELECT d.id FROM webhook_deliveries d " +
            $"WHERE d.tenant_id = {SqlParameters.Tenant} AND d.endpoint_id = {key} AND d.state = {pending} " +
            $"AND (d.lease_until IS NULL OR d.lease_until < {parameters.Add(dialect.Timestamp(now))}) " +
            $"AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.tenant_id = d.tenant_id AND p.endpoint_id = d.endpoint_id " +
            $"AND p.resource_id = d.resource_id AND p.state = {pending} AND p.sequence < d.sequence) " +
            $"ORDER BY d.sequence LIMIT {parameters.Add((long)max)}{dialect.ClaimRows}) " +
            "RETURNING id, sequence, event_id, type, resource_id, attempts",
            parameters, reader => (Id: dialect.ReadKey(reader, 0), Sequence: reader.GetInt64(1), EventId: dialect.ReadKey(reader, 2), Type: reader.GetString(3), Resource: dialect.ReadKey(reader, 4), Attempts: reader.GetInt32(5)),
            cancellationToken);
        if (claimed.Count == 0)
        {
            return [];
        }

        var read = session.Parameters();
        var payloads = (await session.QueryAsync(
            $"SELECT sequence, type, payload FROM events WHERE tenant_id = {SqlParameters.Tenant} AND sequence IN ({string.Join(", ", claimed.Select(c => read.Add(c.Sequence)))})",
            read, reader => ReadEventFeed.Read(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)), cancellationToken))
            .ToDictionary(e => e.Sequence, e => e.Json);
        await session.CommitAsync(cancellationToken);
        return [.. claimed.OrderBy(c => c.Sequence).Select(c => new ClaimedDelivery(c.Id, c.Sequence, c.EventId, c.Type, c.Resource, c.Attempts, payloads.GetValueOrDefault(c.Sequence)))];
    }

    /// <summary>
    /// Records the requests' outcomes: delivered, or pending again with the endpoint's back-off
    /// moved on (exponential, with jitter, up to <see cref="WebhookOptions.MaxBackoff"/>). An
    /// outcome whose lease this node lost is logged but changes nothing: the new holder decides.
    /// </summary>
    public async Task CompleteAsync(EndpointWork endpoint, string node, IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return;
        }

        await using var session = await database.BookkeepingAsync(endpoint.TenantId, cancellationToken);
        var dialect = session.Dialect;
        var parameters = session.Parameters();
        var sql = new StringBuilder();
        var owner = parameters.Add(node);
        var endpointKey = parameters.Add(dialect.Key(endpoint.Id));
        foreach (var outcome in outcomes)
        {
            var at = parameters.Add(dialect.Timestamp(outcome.Attempted));
            if (outcome.Delivery is { } delivery)
            {
                var state = outcome.Succeeded ? WebhookDeliveryStates.Delivered : delivery.Payload is null ? WebhookDeliveryStates.Dead : WebhookDeliveryStates.Pending;
                sql.Append(
                    CultureInfo.InvariantCulture,
                    $"UPDATE webhook_deliveries SET state = '{state}', attempts = attempts + 1, last_attempt = {at}, " +
                    $"delivered = {(outcome.Succeeded ? at : "NULL")}, lease_owner = NULL, lease_until = NULL " +
                    $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(delivery.Id))} AND lease_owner = {owner} AND state = '{WebhookDeliveryStates.Pending}';");
            }

            AppendAttempt(sql, parameters, dialect, endpointKey, outcome);
        }

        var failed = outcomes.Any(o => !o.Succeeded && o.Delivery?.Payload is not null);
        if (failed)
        {
            var now = time.GetUtcNow();
            var retry = now + Backoff(endpoint.Failures + 1);
            sql.Append(
                CultureInfo.InvariantCulture,
                $"UPDATE webhook_endpoints SET failures = failures + 1, failing_since = COALESCE(failing_since, {parameters.Add(dialect.Timestamp(now))}), " +
                $"retry_at = {parameters.Add(dialect.Timestamp(retry))} WHERE tenant_id = {SqlParameters.Tenant} AND id = {endpointKey};");
        }
        else if (endpoint.Failures > 0 || endpoint.FailingSince is not null)
        {
            sql.Append(CultureInfo.InvariantCulture, $"UPDATE webhook_endpoints SET failures = 0, failing_since = NULL, retry_at = NULL WHERE tenant_id = {SqlParameters.Tenant} AND id = {endpointKey};");
        }

        await session.ExecuteAsync(sql.ToString(), parameters, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>Logs a test event's request (it is no delivery and changes no back-off).</summary>
    public async Task RecordTestAsync(Guid tenantId, Guid endpointId, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var session = await database.BookkeepingAsync(tenantId, cancellationToken);
        var parameters = session.Parameters();
        var sql = new StringBuilder();
        AppendAttempt(sql, parameters, session.Dialect, parameters.Add(session.Dialect.Key(endpointId)), outcome);
        await session.ExecuteAsync(sql.ToString(), parameters, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Disables an endpoint that has failed for <see cref="WebhookOptions.GiveUpAfter"/>; its
    /// pending deliveries become dead letters. Null when it no longer needs it (another node did
    /// it, or it recovered meanwhile).
    /// </summary>
    public async Task<GivenUpEndpoint?> GiveUpAsync(EndpointWork endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        await using var session = await database.WriteAsync(endpoint.TenantId, cancellationToken);
        var dialect = session.Dialect;
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var parameters = session.Parameters();
        var key = parameters.Add(dialect.Key(endpoint.Id));
        var reason = $"Disabled on {ScimDateTime.ToText(now)}: every delivery failed for {options.GiveUpAfter.TotalHours:0} hours.";
        var disabled = await session.ExecuteAsync(
            $"UPDATE webhook_endpoints SET enabled = {parameters.Add(dialect.BooleanValue(false))}, disabled_reason = {parameters.Add(reason)}, retry_at = NULL " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {key} AND enabled = {parameters.Add(dialect.BooleanValue(true))} " +
            $"AND failing_since IS NOT NULL AND failing_since <= {parameters.Add(dialect.Timestamp(now - options.GiveUpAfter))}",
            parameters, cancellationToken);
        if (disabled == 0)
        {
            return null;
        }

        var dead = session.Parameters();
        var deadLetters = await session.ExecuteAsync(
            $"UPDATE webhook_deliveries SET state = '{WebhookDeliveryStates.Dead}', lease_owner = NULL, lease_until = NULL " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND endpoint_id = {dead.Add(dialect.Key(endpoint.Id))} AND state = '{WebhookDeliveryStates.Pending}'",
            dead, cancellationToken);
        var changes = new JsonObject
        {
            ["enabled"] = new JsonObject { ["before"] = true, ["after"] = false },
            ["deadLetters"] = deadLetters,
        };
        await AuditTrail.AppendAsync(session, new AuditEntry(null, null, Client, AuditActions.WebhookDisable, AuditResourceTypes.Webhook, endpoint.Id, changes), now, cancellationToken);
        var emails = await AdministratorEmailsAsync(session, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return new GivenUpEndpoint(endpoint.TenantId, endpoint.Id, endpoint.Url, deadLetters, emails);
    }

    /// <summary>The wait before trying a failing endpoint again: 2^failures seconds, at most <see cref="WebhookOptions.MaxBackoff"/>, less up to half at random.</summary>
    public TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(options.MaxBackoff.TotalSeconds, Math.Pow(2, Math.Clamp(failures, 0, 30)));
        return TimeSpan.FromSeconds(seconds * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    // The active employees whose roles grant webhooks.manage: those who can act on the news.
    private async Task<IReadOnlyList<string>> AdministratorEmailsAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var roles = (await Roles.RoleSql.ReadAllAsync(session, cancellationToken)).Where(r => r.Active && r.Permissions.Contains(Roles.Permission.WebhooksManage)).ToList();
        if (roles.Count == 0)
        {
            return [];
        }

        var filter = Scim.Filtering.FilterParser.Parse("roles[" + string.Join(" or ", roles.Select(r => $"value eq {JsonSerializer.Serialize(r.Name)}")) + "]");
        var parameters = session.Parameters();
        var condition = translator.Translate(filter.GetValueOrThrow(), ResourceTable.Users, Scim.Schemas.ScimResourceTypes.User, parameters);
        if (!condition.IsSuccess)
        {
            return [];
        }

        var names = roles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var rows = await session.QueryAsync(
            $"SELECT u.document, u.status FROM users AS u WHERE u.tenant_id = {SqlParameters.Tenant} AND {condition.Value} LIMIT 50",
            parameters, reader => (Document: reader.GetString(0), Status: reader.GetString(1)), cancellationToken);
        return [.. rows.Where(r => r.Status == Employees.EmployeeStatuses.Active)
            .Select(r => JsonNode.Parse(r.Document)!.AsObject())
            .Where(d => Employees.EmployeeProjection.RoleValues(d).Any(names.Contains))
            .Select(Employees.EmployeeProjection.EmailOf).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static void AppendAttempt(StringBuilder sql, SqlParameters parameters, ISqlDialect dialect, string endpointKey, DeliveryOutcome outcome)
    {
        sql.Append(
            "INSERT INTO webhook_attempts (tenant_id, id, endpoint_id, delivery_id, event_id, type, attempt, attempted, duration_ms, request, response_status, response, error) VALUES (" +
            $"{SqlParameters.Tenant}, {parameters.Add(dialect.Key(AuditEventIds.Next(outcome.Attempted)))}, {endpointKey}, " +
            $"{parameters.Add(outcome.Delivery is { } d ? dialect.Key(d.Id) : null)}, {parameters.Add(dialect.Key(outcome.EventId))}, {parameters.Add(outcome.Type)}, " +
            $"{parameters.Add((outcome.Delivery?.Attempts ?? 0) + 1)}, {parameters.Add(dialect.Timestamp(outcome.Attempted))}, " +
            $"{parameters.Add((int)Math.Min(int.MaxValue, outcome.Duration.TotalMilliseconds))}, {parameters.Add(outcome.Request)}, " +
            $"{parameters.Add(outcome.Status)}, {parameters.Add(outcome.Response)}, {parameters.Add(outcome.Error)});");
    }

    private static EndpointWork ReadWork(DbDataReader reader, ISqlDialect dialect) => new(
        dialect.ReadKey(reader, 0),
        dialect.ReadKey(reader, 1),
        reader.GetString(2),
        WebhookSql.SplitTypes(reader.GetString(3)),
        reader.GetInt64(4),
        Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
        reader.GetInt32(6),
        reader.IsDBNull(7) ? null : dialect.ReadTimestamp(reader, 7),
        reader.IsDBNull(8) ? null : dialect.ReadTimestamp(reader, 8),
        reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : dialect.ReadTimestamp(reader, 11));
}
