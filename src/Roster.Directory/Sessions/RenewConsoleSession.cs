using Roster.Directory.Database;

namespace Roster.Directory.Sessions;

/// <summary>
/// Moves a live session's end on by the idle timeout, when its cookie is renewed (sliding
/// expiration renews it once half the timeout has passed, so this is rarely a write per
/// request). False when the session has ended meanwhile.
/// </summary>
public sealed class RenewConsoleSession(DirectoryDatabase database)
{
    public async Task<bool> ExecuteAsync(Guid tenantId, Guid sessionId, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        await using var session = await database.WriteAsync(tenantId, cancellationToken);
        var renewed = await ConsoleSessionSql.RenewAsync(session, sessionId, session.Now + idleTimeout, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return renewed;
    }
}
