using System.Data.Common;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Roles;

namespace Roster.Directory.RoleGrants;

/// <summary>The statements on <c>role_grants</c> that reading, explaining and keeping grants share.</summary>
internal static class RoleGrantSql
{
    /// <summary>The table, as set-based statements name it to <see cref="SqlSession.NoteRowsChanged"/>.</summary>
    public const string Table = "role_grants";

    private const string Columns = "g.user_id, g.role_id, g.source, g.rule_id, g.value";

    /// <summary>Every grant of one person.</summary>
    public static async Task<List<RoleGrant>> ReadAsync(SqlSession session, Guid userId, CancellationToken cancellationToken) =>
        (await ReadManyAsync(session, [userId], cancellationToken)).GetValueOrDefault(userId) ?? [];

    /// <summary>Every grant of each of <paramref name="userIds"/> (a page of people), by person.</summary>
    public static async Task<Dictionary<Guid, List<RoleGrant>>> ReadManyAsync(SqlSession session, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var grants = new Dictionary<Guid, List<RoleGrant>>();
        if (userIds.Count == 0)
        {
            return grants;
        }

        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var ids = string.Join(", ", userIds.Select(id => parameters.Add(dialect.Key(id))));
        var rows = await session.QueryAsync(
            $"SELECT {Columns} FROM role_grants AS g WHERE g.tenant_id = {SqlParameters.Tenant} AND g.user_id IN ({ids})",
            parameters, reader => (User: dialect.ReadKey(reader, 0), Grant: Read(reader, dialect)), cancellationToken);
        foreach (var (user, grant) in rows)
        {
            if (!grants.TryGetValue(user, out var list))
            {
                grants[user] = list = [];
            }

            list.Add(grant);
        }

        return grants;
    }

    /// <summary>What the person holds now: the permissions of the active roles they are granted.</summary>
    public static async Task<PermissionSet> PermissionsAsync(SqlSession session, Guid userId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT DISTINCT r.permissions FROM role_grants AS g JOIN roles AS r ON r.tenant_id = g.tenant_id AND r.id = g.role_id " +
            $"WHERE g.tenant_id = {SqlParameters.Tenant} AND g.user_id = {parameters.Add(dialect.Key(userId))} AND r.active = {dialect.BooleanLiteral(true)}",
            parameters, reader => reader.GetString(0), cancellationToken);
        return PermissionSet.Of(rows.SelectMany(text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>Adds a grant; false when the person had it already.</summary>
    public static async Task<bool> InsertAsync(SqlSession session, Guid userId, RoleGrant grant, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return await session.ExecuteAsync(
            "INSERT INTO role_grants (tenant_id, user_id, role_id, grant_key, source, rule_id, value) " +
            $"VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(userId))}, {parameters.Add(dialect.Key(grant.RoleId))}, {parameters.Add(grant.Key)}, " +
            $"{parameters.Add(RoleGrantSources.ToText(grant.Source))}, {parameters.Add(grant.RuleId is { } rule ? dialect.Key(rule) : null)}, {parameters.Add(grant.Value)}) " +
            "ON CONFLICT DO NOTHING",
            parameters, cancellationToken) > 0;
    }

    /// <summary>Removes a grant; false when the person did not have it.</summary>
    public static async Task<bool> DeleteAsync(SqlSession session, Guid userId, RoleGrant grant, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return await session.ExecuteAsync(
            $"DELETE FROM role_grants WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {parameters.Add(dialect.Key(userId))} " +
            $"AND role_id = {parameters.Add(dialect.Key(grant.RoleId))} AND grant_key = {parameters.Add(grant.Key)}",
            parameters, cancellationToken) > 0;
    }

    private static RoleGrant Read(DbDataReader reader, ISqlDialect dialect) => new(
        dialect.ReadKey(reader, 1),
        RoleGrantSources.Parse(reader.GetString(2)),
        reader.IsDBNull(3) ? null : dialect.ReadKey(reader, 3),
        reader.IsDBNull(4) ? null : reader.GetString(4));
}
