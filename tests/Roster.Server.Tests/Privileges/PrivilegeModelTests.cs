using System.Collections.Concurrent;
using Roster.Directory.AccessKeys;
using Roster.Directory.Apps;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;
using Roster.Directory.Tokens;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Privileges;

/// <summary>
/// Roster's privilege model (docs/security.md): no path lets a person obtain a permission they do
/// not hold, and a credential's power never exceeds its owner's. For every subset of the
/// permission catalogue, a person holding exactly that subset tries every credential-issuing and
/// role-granting path (<see cref="EscalationPaths"/>) through the admin API, the console, SCIM,
/// OAuth and an operator-issued token; each attempt must succeed exactly when the person holds
/// what the path needs, and afterwards nothing in the tenant may give them more than they held.
/// Runs on SQLite and, in the PostgreSQL pass, on PostgreSQL.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class PrivilegeModelTests(RosterServerFixture server)
{
    /// <summary>Every distinct set of permissions a role can grant (employees.edit brings employees.view along).</summary>
    public static IReadOnlyList<PermissionSet> Subsets { get; } =
    [
        .. Enumerable.Range(0, 1 << Permission.All.Count)
            .Select(mask => PermissionSet.Of(Permission.All.Where((_, i) => (mask & (1 << i)) != 0).Select(p => p.Key)))
            .DistinctBy(s => s.ToText()),
    ];

    [Fact]
    public async Task Every_permission_subset_on_every_path_gets_exactly_what_the_model_allows_and_nothing_more()
    {
        var failures = new ConcurrentBag<string>();
        var attempts = 0;
        await Parallel.ForEachAsync(Subsets, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (subset, _) =>
        {
            var world = await PrivilegeWorld.CreateAsync(server, subset);
            foreach (var path in EscalationPaths.All.OrderBy(p => p.UsesScim))
            {
                if (path.UsesScim && !world.ScimEnabled)
                {
                    await world.EnableScimAsync();
                }

                var expected = subset.Covers(path.Needed);
                var succeeded = await path.Attempt(world);
                Interlocked.Increment(ref attempts);
                if (succeeded != expected)
                {
                    failures.Add($"[{subset}] {path.Name}: {(succeeded ? "succeeded" : "was refused")}, but the model says it {(expected ? "may" : "may not")} (it needs {path.Needed}).");
                }
            }

            if (!subset.Covers(PermissionSet.Of(Permission.All.Select(p => p.Key))))
            {
                foreach (var gained in await GainsAsync(world))
                {
                    failures.Add($"[{subset}] afterwards: {gained}");
                }
            }
        });

        Assert.Equal(224, Subsets.Count);
        Assert.Equal(Subsets.Count * EscalationPaths.All.Count, attempts);
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Order(StringComparer.Ordinal)));
    }

    /// <summary>What the tenant now holds that would give the person more than their subset; empty when nothing.</summary>
    private async Task<List<string>> GainsAsync(PrivilegeWorld world)
    {
        var services = server.Services;
        var none = CancellationToken.None;
        var gains = new List<string>();
        var roles = await services.GetRequiredService<ListRoles>().ExecuteAsync(world.OrgId, none);
        var actor = (await services.GetRequiredService<GetEmployee>().ExecuteAsync(world.OrgId, world.ActorId, none)).Ok();
        var held = PermissionSet.OfRoles(actor.EffectiveRoles, roles);
        if (held.ToText() != world.Subset.ToText())
        {
            gains.Add($"the person holds {held}");
        }

        var everything = PermissionSet.Of(Permission.All.Select(p => p.Key));
        var granting = roles.Where(r => r.Active && PermissionSet.Of(r.Permissions.Select(p => p.Key)).Covers(everything)).Select(r => r.Name).ToList();
        if (!granting.SequenceEqual(["Administrator"]))
        {
            gains.Add($"the active roles granting everything are {string.Join(", ", granting)}");
        }

        if ((await services.GetRequiredService<GetScimSettings>().ExecuteAsync(world.OrgId, none)).DefaultRoleId is not null)
        {
            gains.Add("the SCIM settings have a default role");
        }

        var admin = (await services.GetRequiredService<GetEmployee>().ExecuteAsync(world.OrgId, world.AdminId, none)).Ok();
        if (admin.FirstName != world.AdminFirstName || admin.Status != EmployeeStatus.Active)
        {
            gains.Add("the administrator was changed");
        }

        var owners = new[] { world.AdminId, world.InvitedAdminId };
        if ((await services.GetRequiredService<ListScimTokens>().ExecuteAsync(world.OrgId, none)).Any(t => t.OwnerId is { } o && owners.Contains(o)))
        {
            gains.Add("a SCIM token acts for an administrator");
        }

        if ((await services.GetRequiredService<ListAccessKeys>().ExecuteAsync(world.OrgId, null, none)).Any(k => owners.Contains(k.OwnerId)))
        {
            gains.Add("an access key acts for an administrator");
        }

        if ((await services.GetRequiredService<ListApps>().ExecuteAsync(world.OrgId, none)).Any(a => a.OwnerId is { } o && owners.Contains(o)))
        {
            gains.Add("a back-end app acts for an administrator");
        }

        var people = (await services.GetRequiredService<ListEmployees>().ExecuteAsync(world.OrgId, null, null, 1, ListEmployees.MaxPageSize, none)).Ok().Employees;
        var holders = people.Count(e => e.EffectiveRoles.Contains("Administrator", StringComparer.Ordinal));
        if (holders != 2)
        {
            gains.Add($"{holders} people hold the Administrator role (2 were seeded)");
        }

        var rules = await services.GetRequiredService<ListRoleRules>().ExecuteAsync(world.OrgId, none);
        if (rules.Count(r => r.RoleId == world.AdministratorRoleId) != 1)
        {
            gains.Add("a role rule gives Administrator beside the seeded one");
        }

        return gains;
    }
}
