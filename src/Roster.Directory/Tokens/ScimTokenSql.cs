using System.Data.Common;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Tokens;

/// <summary>The statements on <c>scim_tokens</c> that issuing, listing and revoking share.</summary>
internal static class ScimTokenSql
{
    private const string SummaryColumns =
        "t.id, t.name, t.hint, t.created, t.expires, t.revoked, t.last_used, t.owner_id, u.user_name, t.last_client";

    public static Task InsertAsync(SqlSession session, ScimToken token, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            "INSERT INTO scim_tokens (tenant_id, id, name, hash, hint, created, expires, owner_id, permission_ceiling) " +
            $"VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(token.Id))}, {parameters.Add(token.Name)}, {parameters.Add(token.Hash)}, " +
            $"{parameters.Add(token.Hint)}, {parameters.Add(dialect.Timestamp(token.Created))}, " +
            $"{parameters.Add(token.Expires is { } e ? dialect.Timestamp(e) : null)}, {parameters.Add(token.OwnerId is { } o ? dialect.Key(o) : null)}, {parameters.Add(token.PermissionCeiling)})",
            parameters, cancellationToken);
    }

    /// <summary>Every token of the tenant, oldest first, with its owner's userName.</summary>
    public static Task<List<ScimTokenSummary>> ListAsync(SqlSession session, DateTimeOffset now, CancellationToken cancellationToken) =>
        QueryAsync(session, $"t.tenant_id = {SqlParameters.Tenant} ORDER BY t.created, t.id", session.Parameters(), now, cancellationToken);

    public static async Task<ScimTokenSummary?> ReadAsync(SqlSession session, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var rows = await QueryAsync(session, $"t.tenant_id = {SqlParameters.Tenant} AND t.id = {parameters.Add(session.Dialect.Key(id))}", parameters, now, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public static Task RevokeAsync(SqlSession session, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"UPDATE scim_tokens SET revoked = {parameters.Add(dialect.Timestamp(now))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))} AND revoked IS NULL",
            parameters, cancellationToken);
    }

    /// <summary>The tenant's longest allowed token lifetime, from its SCIM settings.</summary>
    public static async Task<int> MaxDaysAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var value = await session.ScalarAsync($"SELECT token_max_days FROM scim_settings WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), cancellationToken);
        return value is null ? ScimTokenPolicy.DefaultMaxDays : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The token as the audit log shows it: never the hash.</summary>
    public static JsonObject ToAuditJson(ScimTokenSummary token) => new()
    {
        ["name"] = token.Name,
        ["hint"] = token.Hint,
        ["ownerId"] = token.OwnerId?.ToString(),
        ["expires"] = token.Expires is { } e ? Resources.ScimDateTime.ToText(e) : null,
        ["revoked"] = token.Revoked is { } r ? Resources.ScimDateTime.ToText(r) : null,
    };

    private static Task<List<ScimTokenSummary>> QueryAsync(SqlSession session, string conditionAndOrder, SqlParameters parameters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var tenantId = session.TenantId;
        return session.QueryAsync(
            $"SELECT {SummaryColumns} FROM scim_tokens t LEFT JOIN users u ON u.tenant_id = t.tenant_id AND u.id = t.owner_id WHERE {conditionAndOrder}",
            parameters, reader => Read(reader, dialect, tenantId, now), cancellationToken);
    }

    private static ScimTokenSummary Read(DbDataReader reader, ISqlDialect dialect, Guid tenantId, DateTimeOffset now)
    {
        DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : dialect.ReadTimestamp(reader, i);
        var expires = Time(4);
        var revoked = Time(5);
        return new ScimTokenSummary(
            dialect.ReadKey(reader, 0),
            tenantId,
            reader.GetString(1),
            reader.GetString(2),
            dialect.ReadTimestamp(reader, 3),
            expires,
            revoked,
            Time(6),
            reader.IsDBNull(7) ? null : dialect.ReadKey(reader, 7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            ScimTokenPolicy.StateAt(now, expires, revoked));
    }
}
