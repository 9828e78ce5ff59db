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

    /// <summary>
    /// Deletes the group, its member rows and its rows as a member of other groups; those other
    /// groups get a new version, since their members changed.
    /// </summary>
    public static async Task DeleteAsync(SqlSession session, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var group = parameters.Add(session.Dialect.Key(id));
        var modified = parameters.Add(session.Dialect.Timestamp(now));
        var t = SqlParameters.Tenant;
        // The count is mostly member rows (and the few groups rows the statements also change).
        var changed = await session.ExecuteAsync(
            $"UPDATE groups SET version = version + 1, last_modified = {modified} WHERE tenant_id = {t} " +
            $"AND id IN (SELECT gm.group_id FROM group_members AS gm WHERE gm.tenant_id = {t} AND gm.member_id = {group});" +
            $"DELETE FROM group_members WHERE tenant_id = {t} AND member_id = {group};" +
            $"DELETE FROM group_members WHERE tenant_id = {t} AND group_id = {group};" +
            $"DELETE FROM groups WHERE tenant_id = {t} AND id = {group};",
            parameters, cancellationToken);
        session.NoteRowsChanged(GroupMembers.Table, changed);
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

    /// <summary>
    /// Stores a changed document. Of the indexed columns only those whose value changed are set:
    /// SQLite rewrites the index entries of every column an UPDATE sets, even to the same value, so
    /// a rename that also set <c>external_id</c> wrote a page of its index for nothing.
    /// </summary>
    public static Task UpdateAsync(SqlSession session, Guid id, GroupColumns? previous, GroupColumns columns, DateTimeOffset now, long version, string document, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var set = new List<string>();
        if (previous is null || !string.Equals(previous.DisplayName, columns.DisplayName, StringComparison.Ordinal))
        {
            set.Add($"display_name = {parameters.Add(columns.DisplayName)}");
        }

        if (previous is null || !string.Equals(previous.DisplayNameKey, columns.DisplayNameKey, StringComparison.Ordinal))
        {
            set.Add($"display_name_key = {parameters.Add(columns.DisplayNameKey)}");
        }

        if (previous is null || !string.Equals(previous.ExternalId, columns.ExternalId, StringComparison.Ordinal))
        {
            set.Add($"external_id = {parameters.Add(columns.ExternalId)}");
        }

        return session.ExecuteAsync(
            $"UPDATE groups SET {string.Concat(set.Select(column => column + ", "))}last_modified = {parameters.Add(session.Dialect.Timestamp(now))}, " +
            $"version = {parameters.Add(version)}, document = {session.Dialect.Document(parameters.Add(document))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}",
            parameters, cancellationToken);
    }

    /// <summary>
    /// A new version and lastModified for a change that touches only memberships, in one
    /// statement, with what that change needs to know about
    /// the groups above this one, in the same round trip: the groups it is nested in (a member among
    /// them would close a cycle, <see cref="NestingCycles"/>) and the group rules that reach it
    /// (<see cref="RoleGrants.GroupRuleGrants.AfterMembershipAsync"/>). Neither changes with this
    /// group's members, so reading them before the rows are written reads what they are after.
    /// </summary>
    /// <param name="session">The write's session.</param>
    /// <param name="id">The group.</param>
    /// <param name="expectedVersion">The version the request said the group is at, if it did.</param>
    /// <param name="now">The write's time.</param>
    /// <param name="adds">Whether the change adds members: only then are the groups above read.</param>
    /// <param name="leading">The change's first step, when it can go in the same command (<see cref="LeadingMemberChange"/>).</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    /// <returns>Null when the group does not exist or is not at <paramref name="expectedVersion"/>.</returns>
    public static async Task<MembershipWrite?> TouchForMembersAsync(
        SqlSession session, Guid id, long? expectedVersion, DateTimeOffset now, bool adds, LeadingMemberChange? leading, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var versionCondition = expectedVersion is { } expected ? $" AND version = {parameters.Add(expected)}" : "";
        var group = parameters.Add(dialect.Key(id));
        ResourceRow? row = null;
        var above = new HashSet<Guid>();
        var rules = new List<RoleRules.RoleRule>();
        var touch = new SqlRead(
            $"UPDATE groups SET version = version + 1, last_modified = {parameters.Add(dialect.Timestamp(now))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {group}{versionCondition} " +
            "RETURNING id, version, created, last_modified, document",
            reader => row = ResourceListing.Read(reader, dialect));
        List<SqlRead> statements = [touch, RoleRules.RoleRuleSql.GroupRulesAbove(parameters, dialect, group, rules)];
        if (adds)
        {
            statements.Add(NestingCycles.GroupsAbove(dialect, group, above));
        }

        if (leading is not null)
        {
            statements.Add(leading.Statement(parameters, dialect, group));
        }

        await session.QueryTogetherAsync(parameters, cancellationToken, statements);

        return row is null ? null : new MembershipWrite(row, adds ? above : null, rules);
    }
}
