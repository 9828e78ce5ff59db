using Roster.Directory.Database;

namespace Roster.Directory.RoleRules;

/// <summary>The tenant's role rules, in priority order.</summary>
public sealed class ListRoleRules(DirectoryDatabase database)
{
    public async Task<IReadOnlyList<RoleRule>> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await RoleRuleSql.ReadAllAsync(session, cancellationToken);
    }
}
