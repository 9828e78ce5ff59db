using System.Globalization;
using System.Text;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.Filtering;
using Roster.Directory.Listing;
using Roster.Directory.Resources;

namespace Roster.Directory.Users;

/// <summary>The statements on <c>users</c> and <c>user_emails</c> that the user operations share.</summary>
internal static class UserSql
{
    public const string ResourceType = "User";

    public static async Task<ResourceRow?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var key = parameters.Add(session.Dialect.Key(id));
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {ResourceListing.Qualify("u")} FROM users AS u WHERE u.tenant_id = {SqlParameters.Tenant} AND u.id = {key}",
            parameters, reader => ResourceListing.Read(reader, dialect), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Inserts a user; its employee status is <paramref name="status"/> when given (an invited
    /// employee), else active, or deactivated when SCIM says <c>active=false</c>.
    /// </summary>
    public static Task InsertAsync(SqlSession session, Guid id, UserColumns columns, DateTimeOffset now, string document, string? status, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var key = parameters.Add(dialect.Key(id));
        var time = parameters.Add(dialect.Timestamp(now));
        var sql = new StringBuilder(
            "INSERT INTO users (tenant_id, id, user_name, user_name_key, external_id, display_name, display_name_key, active, created, last_modified, version, document, status) " +
            $"VALUES ({SqlParameters.Tenant}, {key}, {parameters.Add(columns.UserName)}, {parameters.Add(columns.UserNameKey)}, {parameters.Add(columns.ExternalId)}, " +
            $"{parameters.Add(columns.DisplayName)}, {parameters.Add(columns.DisplayNameKey)}, {parameters.Add(Active(dialect, columns.Active))}, {time}, {time}, 1, {session.Dialect.Document(parameters.Add(document))}, " +
            $"{parameters.Add(status ?? (columns.Active == false ? EmployeeStatuses.Deactivated : EmployeeStatuses.Active))});");
        AppendEmails(sql, parameters, key, columns.EmailKeys);
        return session.ExecuteAsync(sql.ToString(), parameters, cancellationToken);
    }

    /// <summary>
    /// Writes new columns and document at <paramref name="version"/>; sets the indexed columns
    /// and rewrites email keys only when they changed from <paramref name="previous"/> (all of
    /// them when it is null: a stored document that does not parse); ends the person's console
    /// sessions when the user is (still) deactivated.
    /// </summary>
    public static Task UpdateAsync(SqlSession session, Guid id, UserColumns columns, UserColumns? previous, DateTimeOffset now, long version, string document, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var key = parameters.Add(dialect.Key(id));
        var sql = new StringBuilder("UPDATE users SET ");

        // An indexed column is set only when its value changed: SQLite rewrites the entry of every
        // index over a column the statement sets, same value or not (a page written to the WAL per
        // index). At most eight statement shapes, so each stays prepared on its connection.
        if (!string.Equals(columns.UserNameKey, previous?.UserNameKey, StringComparison.Ordinal))
        {
            sql.Append(CultureInfo.InvariantCulture, $"user_name_key = {parameters.Add(columns.UserNameKey)}, ");
        }

        if (!string.Equals(columns.ExternalId, previous?.ExternalId, StringComparison.Ordinal))
        {
            sql.Append(CultureInfo.InvariantCulture, $"external_id = {parameters.Add(columns.ExternalId)}, ");
        }

        if (!string.Equals(columns.DisplayNameKey, previous?.DisplayNameKey, StringComparison.Ordinal))
        {
            sql.Append(CultureInfo.InvariantCulture, $"display_name_key = {parameters.Add(columns.DisplayNameKey)}, ");
        }

        sql.Append(
            CultureInfo.InvariantCulture,
            $"user_name = {parameters.Add(columns.UserName)}, display_name = {parameters.Add(columns.DisplayName)}, " +
            $"active = {parameters.Add(Active(dialect, columns.Active))}, status = {Status(parameters, columns.Active)}, " +
            $"last_modified = {parameters.Add(dialect.Timestamp(now))}, version = {parameters.Add(version)}, document = {session.Dialect.Document(parameters.Add(document))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {key};");
        if (previous is null || !columns.EmailKeys.SequenceEqual(previous.EmailKeys, StringComparer.Ordinal))
        {
            sql.Append(CultureInfo.InvariantCulture, $"DELETE FROM user_emails WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {key};");
            AppendEmails(sql, parameters, key, columns.EmailKeys);
        }

        // Deactivation revokes access: the person's console sessions end with it, on every node.
        if (columns.Active == false)
        {
            sql.Append(Sessions.ConsoleSessionSql.DeleteAllStatement(key));
        }

        return session.ExecuteAsync(sql.ToString(), parameters, cancellationToken);
    }

    /// <summary>
    /// Deletes the user, its email keys and its memberships; the groups it belonged to get a new
    /// version, since their members changed.
    /// </summary>
    public static Task DeleteAsync(SqlSession session, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var user = parameters.Add(session.Dialect.Key(id));
        var time = parameters.Add(session.Dialect.Timestamp(now));
        return session.ExecuteAsync(
            $"UPDATE groups SET version = version + 1, last_modified = {time} WHERE tenant_id = {SqlParameters.Tenant} " +
            $"AND id IN (SELECT gm.group_id FROM group_members AS gm WHERE gm.tenant_id = {SqlParameters.Tenant} AND gm.member_id = {user});" +
            $"DELETE FROM group_members WHERE tenant_id = {SqlParameters.Tenant} AND member_id = {user};" +
            $"DELETE FROM user_emails WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {user};" +
            $"DELETE FROM users WHERE tenant_id = {SqlParameters.Tenant} AND id = {user};",
            parameters, cancellationToken);
    }

    // active=false deactivates the profile; active again restores a profile SCIM deactivated, and leaves invited or locked ones as they are.
    private static string Status(SqlParameters parameters, bool? active) => active == false
        ? parameters.Add(EmployeeStatuses.Deactivated)
        : $"CASE WHEN status = {parameters.Add(EmployeeStatuses.Deactivated)} THEN {parameters.Add(EmployeeStatuses.Active)} ELSE status END";

    private static object? Active(ISqlDialect dialect, bool? active) => active is { } value ? dialect.BooleanValue(value) : null;

    private static void AppendEmails(StringBuilder sql, SqlParameters parameters, string userKey, IReadOnlyList<string> emailKeys)
    {
        if (emailKeys.Count == 0)
        {
            return;
        }

        sql.Append("INSERT INTO user_emails (tenant_id, user_id, value_key) VALUES ");
        sql.AppendJoin(", ", emailKeys.Select(email => $"({SqlParameters.Tenant}, {userKey}, {parameters.Add(email)})"));
        sql.Append(" ON CONFLICT DO NOTHING;");
    }
}
