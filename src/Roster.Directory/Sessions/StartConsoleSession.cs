using Roster.Directory.Database;

namespace Roster.Directory.Sessions;

/// <summary>Records a console session for a person just signed in; its id goes into the cookie.</summary>
public sealed class StartConsoleSession(DirectoryDatabase database)
{
    public async Task<Guid> ExecuteAsync(Guid tenantId, Guid employeeId, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        await using var session = await database.WriteAsync(tenantId, cancellationToken);
        var id = Guid.NewGuid();
        await ConsoleSessionSql.InsertAsync(session, id, employeeId, session.Now + idleTimeout, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return id;
    }
}
