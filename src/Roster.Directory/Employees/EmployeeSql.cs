using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Employees;

/// <summary>The statements on the employee columns of <c>users</c> that the employee use cases share.</summary>
internal static class EmployeeSql
{
    private const string Columns =
        "u.id, u.version, u.created, u.last_modified, u.document, u.active, u.status, u.password_hash, u.failed_sign_ins, " +
        "u.locked_at, u.login_authenticator, u.billing, u.invitation_hash, u.invitation_expires, u.locked_until, u.sign_in_locks";

    public static async Task<EmployeeRow?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {Columns} FROM users AS u WHERE u.tenant_id = {SqlParameters.Tenant} AND u.id = {parameters.Add(dialect.Key(id))}",
            parameters, reader => Read(reader, dialect, session.Now), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// The employee of a live console session, in one read: the session's primary key and the
    /// user's; null when the session was ended (signed out, locked, deactivated) or ran out.
    /// </summary>
    public static async Task<EmployeeRow?> ReadInSessionAsync(SqlSession session, Guid sessionId, Guid userId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {Columns} FROM console_sessions AS s JOIN users AS u ON u.tenant_id = s.tenant_id AND u.id = s.user_id " +
            $"WHERE s.tenant_id = {SqlParameters.Tenant} AND s.id = {parameters.Add(dialect.Key(sessionId))} AND s.user_id = {parameters.Add(dialect.Key(userId))} " +
            $"AND s.expires > {parameters.Add(dialect.Timestamp(session.Now))}",
            parameters, reader => Read(reader, dialect, session.Now), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// The users whose userName or one of whose emails is <paramref name="email"/> ignoring case
    /// (index seeks on <c>user_name_key</c> and <c>user_emails</c>), oldest first; the caller
    /// keeps those whose <see cref="Employee.Email"/> it is.
    /// </summary>
    public static Task<List<EmployeeRow>> FindByEmailAsync(SqlSession session, string email, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var userNameKey = parameters.Add(CaseFolding.UserNameKey(email));
        var emailKey = parameters.Add(CaseFolding.Fold(email));
        return session.QueryAsync(
            $"SELECT {Columns} FROM users AS u WHERE u.tenant_id = {SqlParameters.Tenant} AND (u.user_name_key = {userNameKey} OR u.id IN " +
            $"(SELECT e.user_id FROM user_emails AS e WHERE e.tenant_id = {SqlParameters.Tenant} AND e.value_key = {emailKey})) ORDER BY u.created, u.id",
            parameters, reader => Read(reader, dialect, session.Now), cancellationToken);
    }

    /// <summary>The rows matching <paramref name="conditionAndOrder"/> (on alias <c>u</c>), built by the caller with <paramref name="parameters"/>.</summary>
    public static Task<List<EmployeeRow>> QueryAsync(SqlSession session, string conditionAndOrder, SqlParameters parameters, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        return session.QueryAsync($"SELECT {Columns} FROM users AS u WHERE {conditionAndOrder}", parameters, reader => Read(reader, dialect, session.Now), cancellationToken);
    }

    /// <summary>Writes the status and clears every trace of failed sign-ins: the count, the lock and its back-off.</summary>
    public static Task UpdateSignInStateAsync(SqlSession session, Guid id, string status, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"UPDATE users SET status = {parameters.Add(status)}, failed_sign_ins = 0, sign_in_locks = 0, locked_at = NULL, locked_until = NULL " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}",
            parameters, cancellationToken);
    }

    /// <summary>Writes the failure count and, when <paramref name="lockedUntil"/> is given, a lock from <paramref name="lockedAt"/>.</summary>
    public static Task UpdateLockAsync(
        SqlSession session, Guid id, int failedSignIns, int signInLocks, DateTimeOffset? lockedAt, DateTimeOffset? lockedUntil, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"UPDATE users SET failed_sign_ins = {parameters.Add(failedSignIns)}, sign_in_locks = {parameters.Add(signInLocks)}, " +
            $"locked_at = {parameters.Add(lockedAt is { } at ? dialect.Timestamp(at) : null)}, " +
            $"locked_until = {parameters.Add(lockedUntil is { } until ? dialect.Timestamp(until) : null)} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}",
            parameters, cancellationToken);
    }

    public static Task UpdatePasswordHashAsync(SqlSession session, Guid id, string passwordHash, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"UPDATE users SET password_hash = {parameters.Add(passwordHash)} WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}",
            parameters, cancellationToken);
    }

    /// <summary>Writes the administrative profile columns.</summary>
    public static Task UpdateProfileAsync(SqlSession session, Guid id, string loginAuthenticator, BillingAttributes billing, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"UPDATE users SET login_authenticator = {parameters.Add(loginAuthenticator)}, billing = {parameters.Add(BillingJson.ToColumn(billing))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}",
            parameters, cancellationToken);
    }

    /// <summary>Sets (or, with nulls, clears) the hash and expiry of the activation token.</summary>
    public static Task UpdateInvitationAsync(SqlSession session, Guid id, string? invitationHash, DateTimeOffset? expires, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"UPDATE users SET invitation_hash = {parameters.Add(invitationHash)}, invitation_expires = {parameters.Add(expires is { } at ? dialect.Timestamp(at) : null)} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}",
            parameters, cancellationToken);
    }

    public static async Task<EmployeeRow?> FindByInvitationAsync(SqlSession session, string invitationHash, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {Columns} FROM users AS u WHERE u.tenant_id = {SqlParameters.Tenant} AND u.invitation_hash = {parameters.Add(invitationHash)}",
            parameters, reader => Read(reader, dialect, session.Now), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Sets (or, with nulls, clears) the hash and expiry of the unlock link's token.</summary>
    public static Task UpdateUnlockAsync(SqlSession session, Guid id, string? unlockHash, DateTimeOffset? expires, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"UPDATE users SET unlock_hash = {parameters.Add(unlockHash)}, unlock_expires = {parameters.Add(expires is { } at ? dialect.Timestamp(at) : null)} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}",
            parameters, cancellationToken);
    }

    /// <summary>The profile an unlock link names, with the link's expiry; null when no profile holds the token.</summary>
    public static async Task<(EmployeeRow Row, DateTimeOffset? Expires)?> FindByUnlockAsync(SqlSession session, string unlockHash, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {Columns}, u.unlock_expires FROM users AS u WHERE u.tenant_id = {SqlParameters.Tenant} AND u.unlock_hash = {parameters.Add(unlockHash)}",
            parameters, reader => (Row: Read(reader, dialect, session.Now), Expires: reader.IsDBNull(16) ? (DateTimeOffset?)null : dialect.ReadTimestamp(reader, 16)), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static EmployeeRow Read(DbDataReader reader, ISqlDialect dialect, DateTimeOffset now) => new(
        dialect.ReadKey(reader, 0),
        reader.GetInt64(1),
        dialect.ReadTimestamp(reader, 2),
        dialect.ReadTimestamp(reader, 3),
        JsonNode.Parse(reader.GetString(4))!.AsObject(),
        reader.IsDBNull(5) ? null : Convert.ToBoolean(reader.GetValue(5), CultureInfo.InvariantCulture),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetInt32(8),
        reader.IsDBNull(9) ? null : dialect.ReadTimestamp(reader, 9),
        reader.GetString(10),
        reader.GetString(11),
        reader.IsDBNull(12) ? null : reader.GetString(12),
        reader.IsDBNull(13) ? null : dialect.ReadTimestamp(reader, 13),
        reader.IsDBNull(14) ? null : dialect.ReadTimestamp(reader, 14),
        reader.GetInt32(15),
        now);
}
