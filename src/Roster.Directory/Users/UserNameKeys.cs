using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Users;

/// <summary>
/// Brings the <c>user_name_key</c> of users stored by earlier versions (their key was the plain
/// case fold) to <see cref="CaseFolding.UserNameKey"/>, so that filters, which now prepare their
/// literal that way, keep finding them. Only names with decomposed, fullwidth or halfwidth
/// characters change. Two stored users whose names turn out to be one keep their old keys (the
/// unique index allows no other way) and are returned, for the operator to rename one.
/// </summary>
internal static class UserNameKeys
{
    /// <summary>Runs over every tenant's users once; a deliberate cross-tenant pass, like a migration.</summary>
    public static async Task<IReadOnlyList<(Guid TenantId, Guid UserId)>> RefreshAsync(RosterDbContext context, CancellationToken cancellationToken)
    {
        var stale = new List<(Guid TenantId, Guid Id, string Key)>();
        await foreach (var user in context.Users.IgnoreQueryFilters().AsNoTracking()
            .Select(u => new { u.TenantId, u.Id, u.UserName, u.UserNameKey }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var key = CaseFolding.UserNameKey(user.UserName);
            if (!string.Equals(key, user.UserNameKey, StringComparison.Ordinal))
            {
                stale.Add((user.TenantId, user.Id, key));
            }
        }

        var kept = new List<(Guid, Guid)>();
        foreach (var (tenantId, id, key) in stale)
        {
            var updated = await context.Users.IgnoreQueryFilters()
                .Where(u => u.TenantId == tenantId && u.Id == id
                    && !context.Users.IgnoreQueryFilters().Any(o => o.TenantId == tenantId && o.UserNameKey == key))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.UserNameKey, key), cancellationToken);
            if (updated == 0)
            {
                kept.Add((tenantId, id));
            }
        }

        return kept;
    }
}
