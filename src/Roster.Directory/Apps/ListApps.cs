namespace Roster.Directory.Apps;

/// <summary>The tenant's app registrations, oldest first, or one of them.</summary>
public sealed class ListApps(Database.DirectoryDatabase database)
{
    public async Task<IReadOnlyList<AppRegistration>> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await AppSql.ListAsync(session, cancellationToken);
    }

    public async Task<AppRegistration?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await AppSql.ReadAsync(session, id, cancellationToken);
    }
}
