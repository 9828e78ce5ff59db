using Roster.Directory.Database;

namespace Roster.Directory.Sessions;

/// <summary>Signing out: deletes the session, so its cookie stops working on every node, wherever a copy of it is.</summary>
public sealed class EndConsoleSession(DirectoryDatabase database)
{
    public async Task ExecuteAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var session = await database.WriteAsync(tenantId, cancellationToken);
        await ConsoleSessionSql.DeleteAsync(session, sessionId, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }
}
