using Microsoft.EntityFrameworkCore;
using Roster.Directory.Tests.Support;
using Roster.Directory.Tokens;

namespace Roster.Directory.Tests.Database;

/// <summary>
/// The query filters of the entity configurations read the tenant of the context that runs the
/// query, not of the context the model was built with (contexts are pooled and share one model).
/// </summary>
public sealed class TenantQueryFilterTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Each_context_sees_only_its_own_tenants_rows_and_a_context_without_a_tenant_sees_none()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Other");
        var issue = directory.Get<IssueOperatorScimToken>();
        var mine = await issue.ExecuteAsync(directory.Caller.TenantId, "Okta", null, None);
        var theirs = await issue.ExecuteAsync(other.TenantId, "Entra", null, None);
        await issue.ExecuteAsync(other.TenantId, "Entra 2", null, None);

        await using (var db = directory.Database.CreateContext(directory.Caller.TenantId))
        {
            Assert.Equal([mine.Id], await db.ScimTokens.Select(t => t.Id).ToListAsync(None));
            Assert.Single(await db.ScimSettings.ToListAsync(None));
        }

        await using (var db = directory.Database.CreateContext(other.TenantId))
        {
            Assert.Equal(2, await db.ScimTokens.CountAsync(None));
            Assert.Contains(theirs.Id, await db.ScimTokens.Select(t => t.Id).ToListAsync(None));
        }

        await using (var db = directory.Database.CreateContext(Guid.Empty))
        {
            Assert.Equal(0, await db.ScimTokens.CountAsync(None));
            Assert.Equal(0, await db.ScimSettings.CountAsync(None));
            Assert.Equal(3, await db.ScimTokens.IgnoreQueryFilters().CountAsync(None));
        }
    }
}
