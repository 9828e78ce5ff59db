using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;

namespace Roster.Directory.RoleGrants;

/// <summary>
/// The grants a person's SCIM document gives, kept in line with it on every write of that
/// person: a <c>roles</c> value that names a role gives it (sent; or default or required when the
/// provisioning policy added it, which later writes remember), a value a value rule maps gives the
/// rule's role (alias), and an unknown value gives the default role where the tenant's policy
/// says so (fallback). Group and manual grants are not the document's and are left alone. One
/// statement per grant that changes; a write that leaves the roles alone changes nothing.
/// </summary>
internal static class DocumentGrants
{
    private static readonly RoleGrantSource[] FromDocument =
        [RoleGrantSource.Sent, RoleGrantSource.Alias, RoleGrantSource.Default, RoleGrantSource.Required, RoleGrantSource.Fallback];

    public static async Task<GrantChanges> SyncAsync(
        SqlSession session, Guid userId, JsonObject document, ProvisioningPolicy policy, DateTimeOffset now, CancellationToken cancellationToken, bool created = false)
    {
        // A person created by this very write has no grant yet: no read needed (one statement less per create of a bulk).
        var existing = created ? new List<RoleGrant>() : (await RoleGrantSql.ReadAsync(session, userId, cancellationToken)).Where(g => FromDocument.Contains(g.Source)).ToList();
        var (desired, unmatched) = Desired(document, policy, existing);
        var changes = new GrantChanges();
        foreach (var stale in existing.Where(e => !desired.Any(d => Same(d, e))))
        {
            if (await RoleGrantSql.DeleteAsync(session, userId, stale, cancellationToken))
            {
                changes.Lost(stale.RoleId, userId);
            }
        }

        foreach (var fresh in desired.Where(d => !existing.Any(e => Same(d, e))))
        {
            if (await RoleGrantSql.InsertAsync(session, userId, fresh, cancellationToken))
            {
                changes.Gained(fresh.RoleId, userId);
            }
        }

        await UnmatchedRoleValues.RecordAsync(session, unmatched, userId, now, cancellationToken);
        return changes;
    }

    private static (List<RoleGrant> Desired, List<string> Unmatched) Desired(JsonObject document, ProvisioningPolicy policy, IReadOnlyList<RoleGrant> existing)
    {
        var desired = new List<RoleGrant>();
        var unmatched = new List<string>();
        foreach (var value in EmployeeProjection.RoleValues(document))
        {
            var role = policy.Roles.FirstOrDefault(r => string.Equals(r.Name, value, StringComparison.Ordinal));
            if (role is not null)
            {
                var source = policy.AddedRoles.TryGetValue(value, out var added) ? added
                    : existing.FirstOrDefault(e => e.RoleId == role.Id && e.Source is RoleGrantSource.Default or RoleGrantSource.Required)?.Source ?? RoleGrantSource.Sent;
                desired.Add(new RoleGrant(role.Id, source));
            }

            // A value rule applies beside an exact name, as the administrator set it up.
            var aliases = policy.ValueRules.Where(r => r.MapsValue(value)).ToList();
            desired.AddRange(aliases.Select(rule => new RoleGrant(rule.RoleId, RoleGrantSource.Alias, rule.Id, value)));
            if (role is not null || aliases.Count > 0)
            {
                continue;
            }

            unmatched.Add(value);
            if (policy.Settings.UnknownRoles == UnknownRolePolicy.DefaultRole && policy.Settings.DefaultRoleId is { } fallback)
            {
                desired.Add(new RoleGrant(fallback, RoleGrantSource.Fallback, null, value));
            }
        }

        return ([.. desired.DistinctBy(d => (d.RoleId, d.Key))], unmatched);
    }

    private static bool Same(RoleGrant a, RoleGrant b) => a.RoleId == b.RoleId && a.Key == b.Key;
}
