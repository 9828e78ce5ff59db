using System.Data.Common;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Domains;

/// <summary>The statements on <c>verified_domains</c> that the domain use cases and the provisioning policy share.</summary>
internal static class VerifiedDomainSql
{
    private const string Columns = "id, domain, verification_token, created, verified_at, last_checked_at";

    public static async Task<VerifiedDomain?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {Columns} FROM verified_domains WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}",
            parameters, reader => Read(reader, dialect), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Every domain of the tenant, by name.</summary>
    public static async Task<List<VerifiedDomain>> ReadAllAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {Columns} FROM verified_domains WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), reader => Read(reader, dialect), cancellationToken);
        rows.Sort((a, b) => string.CompareOrdinal(a.Domain, b.Domain));
        return rows;
    }

    /// <summary>The names of the tenant's verified domains.</summary>
    public static async Task<HashSet<string>> ReadVerifiedNamesAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var names = await session.QueryAsync(
            $"SELECT domain FROM verified_domains WHERE tenant_id = {SqlParameters.Tenant} AND verified_at IS NOT NULL",
            session.Parameters(), reader => reader.GetString(0), cancellationToken);
        return [.. names];
    }

    public static Task InsertAsync(SqlSession session, VerifiedDomain domain, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"INSERT INTO verified_domains (tenant_id, {Columns}) VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(domain.Id))}, " +
            $"{parameters.Add(domain.Domain)}, {parameters.Add(domain.VerificationToken)}, {parameters.Add(dialect.Timestamp(domain.Created))}, NULL, NULL)",
            parameters, cancellationToken);
    }

    public static Task UpdateCheckAsync(SqlSession session, VerifiedDomain domain, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"UPDATE verified_domains SET verified_at = {parameters.Add(domain.VerifiedAt is { } v ? dialect.Timestamp(v) : null)}, " +
            $"last_checked_at = {parameters.Add(domain.LastCheckedAt is { } c ? dialect.Timestamp(c) : null)} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(domain.Id))}",
            parameters, cancellationToken);
    }

    public static Task<int> DeleteAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"DELETE FROM verified_domains WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}",
            parameters, cancellationToken);
    }

    /// <summary>The domain as the audit log shows it (never the token: it is not a secret, but it is noise).</summary>
    public static JsonObject ToAuditJson(VerifiedDomain domain) => new()
    {
        ["domain"] = domain.Domain,
        ["verified"] = domain.Verified,
    };

    private static VerifiedDomain Read(DbDataReader reader, ISqlDialect dialect) => new(
        dialect.ReadKey(reader, 0),
        reader.GetString(1),
        reader.GetString(2),
        dialect.ReadTimestamp(reader, 3),
        reader.IsDBNull(4) ? null : dialect.ReadTimestamp(reader, 4),
        reader.IsDBNull(5) ? null : dialect.ReadTimestamp(reader, 5));
}
