using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Sessions;

/// <summary>The statements on <c>console_sessions</c>.</summary>
internal static class ConsoleSessionSql
{
    /// <summary>Records a new session and forgets the person's sessions that ran out without a sign-out.</summary>
    public static Task InsertAsync(SqlSession session, Guid id, Guid userId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var user = parameters.Add(dialect.Key(userId));
        var now = parameters.Add(dialect.Timestamp(session.Now));
        return session.ExecuteAsync(
            $"DELETE FROM console_sessions WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {user} AND expires <= {now};" +
            "INSERT INTO console_sessions (tenant_id, id, user_id, created, expires) " +
            $"VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(id))}, {user}, {now}, {parameters.Add(dialect.Timestamp(expires))});",
            parameters, cancellationToken);
    }

    /// <summary>Moves a live session's end to <paramref name="expires"/>; false when the session is gone.</summary>
    public static async Task<bool> RenewAsync(SqlSession session, Guid id, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return await session.ExecuteAsync(
            $"UPDATE console_sessions SET expires = {parameters.Add(dialect.Timestamp(expires))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))} AND expires > {parameters.Add(dialect.Timestamp(session.Now))}",
            parameters, cancellationToken) > 0;
    }

    public static Task DeleteAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"DELETE FROM console_sessions WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}",
            parameters, cancellationToken);
    }

    /// <summary>Ends every session of a person: a lock, a deactivation, a new password.</summary>
    public static Task DeleteAllAsync(SqlSession session, Guid userId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"DELETE FROM console_sessions WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {parameters.Add(session.Dialect.Key(userId))}",
            parameters, cancellationToken);
    }

    /// <summary>The same statement as <see cref="DeleteAllAsync"/>, for a caller that batches it with its own; <paramref name="userKey"/> is a parameter of theirs.</summary>
    public static string DeleteAllStatement(string userKey) =>
        $"DELETE FROM console_sessions WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {userKey};";
}
