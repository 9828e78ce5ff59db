using Microsoft.AspNetCore.Authorization;
using Roster.Directory.Roles;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Security.Roles;

/// <summary>Security &gt; Roles and permissions: every role of the organization, active or not.</summary>
[Authorize(Policy = ConsolePolicies.RolesManage)]
public sealed class IndexModel(ListRoles list) : ConsolePageModel
{
    public IReadOnlyList<Role> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Roles = [.. (await list.ExecuteAsync(OrgId, cancellationToken)).OrderBy(r => r.Name, StringComparer.Ordinal)];
}
