using System.Data.Common;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Webhooks;

/// <summary>The statements on <c>webhook_endpoints</c> that the webhook use cases share.</summary>
internal static class WebhookSql
{
    private const string Columns =
        "e.id, e.url, e.description, e.event_types, e.enabled, e.disabled_reason, e.created, e.last_modified, e.failures, e.failing_since, e.retry_at, e.previous_secret_expires, " +
        "(SELECT COUNT(*) FROM webhook_deliveries d WHERE d.tenant_id = e.tenant_id AND d.endpoint_id = e.id AND d.state = 'pending'), " +
        "(SELECT COUNT(*) FROM webhook_deliveries d WHERE d.tenant_id = e.tenant_id AND d.endpoint_id = e.id AND d.state = 'dead')";

    public static async Task<WebhookEndpoint?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {Columns} FROM webhook_endpoints AS e WHERE e.tenant_id = {SqlParameters.Tenant} AND e.id = {parameters.Add(dialect.Key(id))}",
            parameters, reader => Read(reader, dialect), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public static Task<List<WebhookEndpoint>> ListAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        return session.QueryAsync(
            $"SELECT {Columns} FROM webhook_endpoints AS e WHERE e.tenant_id = {SqlParameters.Tenant} ORDER BY e.created, e.id",
            session.Parameters(), reader => Read(reader, dialect), cancellationToken);
    }

    /// <summary>The sequence of the tenant's newest event (0 when none): where a new endpoint starts.</summary>
    public static async Task<long> HeadAsync(SqlSession session, CancellationToken cancellationToken) =>
        Convert.ToInt64(await session.ScalarAsync($"SELECT COALESCE(MAX(sequence), 0) FROM events WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), cancellationToken) ?? 0L,
            System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> SplitTypes(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinTypes(IEnumerable<string> types) => string.Join(' ', types.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));

    private static WebhookEndpoint Read(DbDataReader reader, ISqlDialect dialect) => new(
        dialect.ReadKey(reader, 0),
        reader.GetString(1),
        reader.GetString(2),
        SplitTypes(reader.GetString(3)),
        reader.GetBoolean(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        dialect.ReadTimestamp(reader, 6),
        dialect.ReadTimestamp(reader, 7),
        reader.GetInt32(8),
        reader.IsDBNull(9) ? null : dialect.ReadTimestamp(reader, 9),
        reader.IsDBNull(10) ? null : dialect.ReadTimestamp(reader, 10),
        reader.IsDBNull(11) ? null : dialect.ReadTimestamp(reader, 11),
        reader.GetInt64(12),
        reader.GetInt64(13));
}
