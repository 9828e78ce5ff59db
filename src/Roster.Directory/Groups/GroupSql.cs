using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Listing;
using Roster.Directory.Resources;

namespace Roster.Directory.Groups;

/// <summary>The statements on <c>groups</c> and member reads that the group operations share.</summary>
internal static class GroupSql
{
    public const string ResourceType = "Group";

    public static async Task<ResourceRow?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var key = parameters.Add(session.Dialect.Key(id));
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {ResourceListing.Qualify("g")} FROM groups AS g WHERE g.tenant_id = {SqlParameters.Tenant} AND g.id = {key}",
            parameters, reader => ResourceListing.Read(reader, dialect), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public static async Task<long?> VersionAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var key = parameters.Add(session.Dialect.Key(id));
        var version = await session.ScalarAsync($"SELECT version FROM groups WHERE tenant_id = {SqlParameters.Tenant} AND id = {key}", parameters, cancellationToken);
        return version is null ? null : Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task InsertAsync(SqlSession session, Guid id, GroupColumns columns, DateTimeOffset now, string document, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var time = parameters.Add(session.Dialect.Timestamp(now));
        return session.ExecuteAsync(
            "INSERT INTO groups (tenant_id, id, display_name, display_name_key, external_id, created, last_modified, version, document) " +
            $"VALUES ({SqlParameters.Tenant}, {parameters.Add(session.Dialect.Key(id))}, {parameters.Add(columns.DisplayName)}, {parameters.Add(columns.DisplayNameKey)}, " +
            $"{parameters.Add(columns.ExternalId)}, {time}, {time}, 1, {session.Dialect.Document(parameters.Add(document))})",
            parameters, cancellationToken);
    }

    public static Task UpdateAsync(SqlSession session, Guid id, GroupColumns columns, DateTimeOffset now, long version, string document, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"UPDATE groups SET display_name = {parameters.Add(columns.DisplayName)}, display_name_key = {parameters.Add(columns.DisplayNameKey)}, " +
            $"external_id = {parameters.Add(columns.ExternalId)}, last_modified = {parameters.Add(session.Dialect.Timestamp(now))}, " +
            $"version = {parameters.Add(version)}, document = {session.Dialect.Document(parameters.Add(document))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}",
            parameters, cancellationToken);
    }

    /// <summary>
    /// A new version and lastModified for a change that touches only memberships, in one
    /// statement; null when the group does not exist or is not at <paramref name="expectedVersion"/>.
    /// </summary>
    public static async Task<ResourceRow?> TouchAsync(SqlSession session, Guid id, long? expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var versionCondition = expectedVersion is { } expected ? $" AND version = {parameters.Add(expected)}" : "";
        var rows = await session.QueryAsync(
            $"UPDATE groups SET version = version + 1, last_modified = {parameters.Add(dialect.Timestamp(now))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}{versionCondition} " +
            "RETURNING id, version, created, last_modified, document",
            parameters, reader => ResourceListing.Read(reader, dialect), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>The <c>members</c> of each group, with each member's current display name, in one query for all of them.</summary>
    public static async Task<Dictionary<Guid, JsonArray>> MembersAsync(SqlSession session, IReadOnlyCollection<Guid> groupIds, CancellationToken cancellationToken)
    {
        var members = new Dictionary<Guid, JsonArray>();
        if (groupIds.Count == 0)
        {
            return members;
        }

        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var ids = string.Join(", ", groupIds.Select(id => parameters.Add(dialect.Key(id))));
        await using var command = session.Command(
            $"SELECT m.group_id, m.member_id, m.member_type, {MemberDisplaySql.For("m")} FROM group_members AS m " +
            $"WHERE m.tenant_id = {SqlParameters.Tenant} AND m.group_id IN ({ids}) ORDER BY m.group_id, m.member_id",
            parameters);
        using var trace = session.Trace(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        JsonArray? list = null;
        var current = Guid.Empty;
        while (await reader.ReadAsync(cancellationToken))
        {
            var group = dialect.ReadKey(reader, 0);
            if (list is null || group != current)
            {
                current = group;
                members[group] = list = [];
            }

            // $ref needs the request's base URL, so the HTTP layer adds it.
            var member = new JsonObject { ["value"] = dialect.ReadKey(reader, 1).ToString() };
            if (!reader.IsDBNull(3))
            {
                member["display"] = reader.GetString(3);
            }

            member["type"] = reader.GetString(2);
            list.Add(member);
        }

        return members;
    }
}
