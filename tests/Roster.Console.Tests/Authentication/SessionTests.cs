using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Administration;
using Roster.Directory.Roles;

namespace Roster.Console.Tests.Authentication;

/// <summary>A session follows the directory: what changes there shows on the next request, not at the next sign-in.</summary>
public sealed class SessionTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task A_session_ends_when_its_profile_is_locked()
    {
        var tenant = await SignInToNewTenantAsync("audit.view");
        await Server.LockAsync(tenant.OrgId, tenant.AdminEmail);

        Open("console/audit");

        Assert.Contains("/console/sign-in", Browser.Driver.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permission_taken_from_the_role_disappears_from_the_navigation_at_once()
    {
        var tenant = await SignInToNewTenantAsync("audit.view", "roles.manage");
        Browser.Sees("Audit log");
        var roles = await Server.Services.GetRequiredService<ListRoles>().ExecuteAsync(tenant.OrgId, CancellationToken.None);
        var role = Assert.Single(roles, r => r.Name.StartsWith("Console test", StringComparison.Ordinal));
        var changed = await Server.Services.GetRequiredService<SetRolePermissions>()
            .ExecuteAsync(AdminActor.Operator(tenant.OrgId), role.Id, ["roles.manage"], CancellationToken.None);
        Assert.True(changed.IsSuccess, changed.Error?.Detail);

        Open("console");

        Browser.Sees("Roles and permissions");
        Assert.Empty(Browser.Driver.FindElements(By.LinkText("Audit log")));
    }
}
