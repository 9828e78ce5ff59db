namespace Roster.Directory.AccessKeys;

/// <summary>The tenant's access keys (ID, owner, created, last used, state), or one profile's.</summary>
public sealed class ListAccessKeys(Database.DirectoryDatabase database)
{
    public async Task<IReadOnlyList<AccessKey>> ExecuteAsync(Guid tenantId, Guid? ownerId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await AccessKeySql.ListAsync(session, ownerId, cancellationToken);
    }
}
