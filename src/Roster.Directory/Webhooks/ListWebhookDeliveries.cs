using System.Data.Common;
using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Webhooks;

/// <summary>An endpoint's delivery log (attempts, newest first) and its deliveries in a state (dead letters, pending).</summary>
public sealed class ListWebhookDeliveries(DirectoryDatabase database)
{
    public const int MaxPageSize = 200;

    /// <summary>The newest attempts, before <paramref name="before"/> (an attempt id from the previous page) when given.</summary>
    public async Task<AdminResult<IReadOnlyList<WebhookAttempt>>> AttemptsAsync(Guid tenantId, Guid endpointId, int limit, Guid? before, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return AdminError.Validation($"The limit must be between 1 and {MaxPageSize}.") with { Field = "limit" };
        }

        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        if (await WebhookSql.ReadAsync(session, endpointId, cancellationToken) is null)
        {
            return WebhookErrors.NotFound();
        }

        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var older = before is { } b ? $" AND id < {parameters.Add(dialect.Key(b))}" : "";

        // Attempt ids are version 7 GUIDs taken at the attempt: their order is the log's.
        return await session.QueryAsync(
            "SELECT id, delivery_id, event_id, type, attempt, attempted, duration_ms, request, response_status, response, error FROM webhook_attempts " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND endpoint_id = {parameters.Add(dialect.Key(endpointId))}{older} ORDER BY id DESC LIMIT {parameters.Add((long)limit)}",
            parameters, reader => ReadAttempt(reader, dialect), cancellationToken);
    }

    /// <summary>The endpoint's deliveries in <paramref name="state"/>, oldest event first.</summary>
    public async Task<AdminResult<IReadOnlyList<WebhookDelivery>>> DeliveriesAsync(Guid tenantId, Guid endpointId, string state, int limit, long after, CancellationToken cancellationToken)
    {
        if (state is not (WebhookDeliveryStates.Pending or WebhookDeliveryStates.Delivered or WebhookDeliveryStates.Dead))
        {
            return AdminError.Validation($"'{state}' is not a delivery state; use pending, delivered or dead.") with { Field = "state" };
        }

        if (limit is < 1 or > MaxPageSize)
        {
            return AdminError.Validation($"The limit must be between 1 and {MaxPageSize}.") with { Field = "limit" };
        }

        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        if (await WebhookSql.ReadAsync(session, endpointId, cancellationToken) is null)
        {
            return WebhookErrors.NotFound();
        }

        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return await session.QueryAsync(
            "SELECT id, sequence, event_id, type, resource_id, state, attempts, created, last_attempt, delivered FROM webhook_deliveries " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND endpoint_id = {parameters.Add(dialect.Key(endpointId))} AND state = {parameters.Add(state)} " +
            $"AND sequence > {parameters.Add(after)} ORDER BY sequence LIMIT {parameters.Add((long)limit)}",
            parameters, reader => ReadDelivery(reader, dialect), cancellationToken);
    }

    private static WebhookAttempt ReadAttempt(DbDataReader reader, ISqlDialect dialect) => new(
        dialect.ReadKey(reader, 0),
        reader.IsDBNull(1) ? null : dialect.ReadKey(reader, 1),
        dialect.ReadKey(reader, 2),
        reader.GetString(3),
        reader.GetInt32(4),
        dialect.ReadTimestamp(reader, 5),
        reader.GetInt32(6),
        reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetInt32(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10));

    private static WebhookDelivery ReadDelivery(DbDataReader reader, ISqlDialect dialect) => new(
        dialect.ReadKey(reader, 0),
        reader.GetInt64(1),
        dialect.ReadKey(reader, 2),
        reader.GetString(3),
        dialect.ReadKey(reader, 4),
        reader.GetString(5),
        reader.GetInt32(6),
        dialect.ReadTimestamp(reader, 7),
        reader.IsDBNull(8) ? null : dialect.ReadTimestamp(reader, 8),
        reader.IsDBNull(9) ? null : dialect.ReadTimestamp(reader, 9));
}
