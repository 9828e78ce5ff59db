using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Onboarding;

/// <summary>The statements on <c>setup_links</c>.</summary>
internal static class SetupLinkSql
{
    public static Task InsertAsync(SqlSession session, SetupLinkRecord link, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            "INSERT INTO setup_links (tenant_id, id, hash, created, expires, used, issued_by) " +
            $"VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(link.Id))}, {parameters.Add(link.Hash)}, {parameters.Add(dialect.Timestamp(link.Created))}, " +
            $"{parameters.Add(dialect.Timestamp(link.Expires))}, NULL, {parameters.Add(link.IssuedBy)})",
            parameters, cancellationToken);
    }

    public static async Task<SetupLinkRecord?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT hash, created, expires, used, issued_by FROM setup_links WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}",
            parameters,
            reader => new SetupLinkRecord
            {
                TenantId = session.TenantId,
                Id = id,
                Hash = (byte[])reader.GetValue(0),
                Created = dialect.ReadTimestamp(reader, 1),
                Expires = dialect.ReadTimestamp(reader, 2),
                Used = reader.IsDBNull(3) ? null : dialect.ReadTimestamp(reader, 3),
                IssuedBy = reader.GetString(4),
            },
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Marks the link used; false when it was used meanwhile.</summary>
    public static async Task<bool> MarkUsedAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return await session.ExecuteAsync(
            $"UPDATE setup_links SET used = {parameters.Add(dialect.Timestamp(session.Now))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))} AND used IS NULL",
            parameters, cancellationToken) == 1;
    }

    /// <summary>The tenant's name, or null when there is no such tenant.</summary>
    public static async Task<string?> TenantNameAsync(SqlSession session, CancellationToken cancellationToken) =>
        await session.ScalarAsync($"SELECT name FROM tenants WHERE id = {SqlParameters.Tenant}", session.Parameters(), cancellationToken) as string;
}
