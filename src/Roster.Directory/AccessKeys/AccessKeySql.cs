using System.Data.Common;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.AccessKeys;

/// <summary>The statements on <c>access_keys</c>.</summary>
internal static class AccessKeySql
{
    private const string Columns =
        "k.id, k.key_id, k.secret_hint, k.owner_id, u.user_name, k.created, k.deactivated_at, k.last_used, k.last_client";

    public static Task InsertAsync(SqlSession session, AccessKeyRecord key, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            "INSERT INTO access_keys (tenant_id, id, owner_id, key_id, secret_hint, created, permission_ceiling) " +
            $"VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(key.Id))}, {parameters.Add(dialect.Key(key.OwnerId))}, " +
            $"{parameters.Add(key.KeyId)}, {parameters.Add(key.SecretHint)}, {parameters.Add(dialect.Timestamp(key.Created))}, {parameters.Add(key.PermissionCeiling)})",
            parameters, cancellationToken);
    }

    /// <summary>The tenant's keys, oldest first; only <paramref name="ownerId"/>'s when given.</summary>
    public static Task<List<AccessKey>> ListAsync(SqlSession session, Guid? ownerId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var owner = ownerId is { } o ? $" AND k.owner_id = {parameters.Add(session.Dialect.Key(o))}" : "";
        return QueryAsync(session, $"k.tenant_id = {SqlParameters.Tenant}{owner} ORDER BY k.created, k.id", parameters, cancellationToken);
    }

    public static async Task<AccessKey?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var rows = await QueryAsync(session, $"k.tenant_id = {SqlParameters.Tenant} AND k.id = {parameters.Add(session.Dialect.Key(id))}", parameters, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public static Task SetDeactivatedAsync(SqlSession session, Guid id, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"UPDATE access_keys SET deactivated_at = {parameters.Add(at is { } t ? dialect.Timestamp(t) : null)} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}",
            parameters, cancellationToken);
    }

    public static Task DeleteAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"DELETE FROM access_keys WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}",
            parameters, cancellationToken);
    }

    /// <summary>The key as the audit log shows it: never the secret.</summary>
    public static JsonObject ToAuditJson(AccessKey key) => new()
    {
        ["keyId"] = key.KeyId,
        ["ownerId"] = key.OwnerId.ToString(),
        ["active"] = key.Active,
    };

    private static Task<List<AccessKey>> QueryAsync(SqlSession session, string conditionAndOrder, SqlParameters parameters, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var tenantId = session.TenantId;
        return session.QueryAsync(
            $"SELECT {Columns} FROM access_keys k LEFT JOIN users u ON u.tenant_id = k.tenant_id AND u.id = k.owner_id WHERE {conditionAndOrder}",
            parameters, reader => Read(reader, dialect, tenantId), cancellationToken);
    }

    private static AccessKey Read(DbDataReader reader, ISqlDialect dialect, Guid tenantId)
    {
        DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : dialect.ReadTimestamp(reader, i);
        var deactivated = Time(6);
        return new AccessKey(
            dialect.ReadKey(reader, 0),
            tenantId,
            reader.GetString(1),
            reader.GetString(2),
            dialect.ReadKey(reader, 3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            dialect.ReadTimestamp(reader, 5),
            deactivated is null,
            deactivated,
            Time(7),
            reader.IsDBNull(8) ? null : reader.GetString(8));
    }
}
