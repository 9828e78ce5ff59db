using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;

namespace Roster.Directory.Sso;

/// <summary>
/// Keeps a tenant that signs in with SSO only from locking itself out: while "SSO only" holds,
/// a change that leaves no <b>standing</b> break-glass administrator is refused. Standing means
/// named in <c>sso_break_glass</c>, not deactivated (an invited one can still set a password by
/// the invitation, a locked one waits out the lock) and holding <c>security.login.manage</c>
/// through the active roles granted (<see cref="RoleGrantSql.PermissionsAsync"/>): the permission
/// that turns "SSO only" off or mends a connection, which is what the door is for when the
/// identity provider fails. Use cases take <see cref="StandingAsync"/> before their writes and ask
/// <see cref="RefusalAsync"/> after them, in the same transaction, so every way of losing the
/// last one (deleting, deactivating, taking off the list, taking away a role or the role's
/// permission) is caught however it happens; a refusal rolls the change back.
/// </summary>
internal static class LastBreakGlass
{
    /// <summary>The standing break-glass administrators now, by id and email; none when the tenant is not SSO only.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> StandingAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var settings = await SsoSettingsSql.ReadAsync(session, cancellationToken);
        return settings.SsoOnly ? await StandingOfAsync(session, settings.BreakGlass, cancellationToken) : [];
    }

    /// <summary>
    /// Null unless the tenant is SSO only, someone was standing in <paramref name="before"/> and
    /// nobody is now; then a refusal that names who was and <paramref name="field"/>.
    /// </summary>
    public static async Task<AdminError?> RefusalAsync(SqlSession session, IReadOnlyList<(Guid Id, string Name)> before, string? field, CancellationToken cancellationToken)
    {
        if (before.Count == 0)
        {
            return null;
        }

        var settings = await SsoSettingsSql.ReadAsync(session, cancellationToken);
        if (!settings.SsoOnly || (await StandingOfAsync(session, settings.BreakGlass, cancellationToken)).Count > 0)
        {
            return null;
        }

        // Named as they were before the change: a deleted one is no longer there to read.
        return SsoErrors.NoBreakGlassLeft(string.Join(", ", before.Select(b => b.Name)), field);
    }

    private static async Task<List<(Guid Id, string Name)>> StandingOfAsync(SqlSession session, IEnumerable<Guid> named, CancellationToken cancellationToken)
    {
        var standing = new List<(Guid Id, string Name)>();
        foreach (var id in named)
        {
            var row = await EmployeeSql.ReadAsync(session, id, cancellationToken);
            if (row is null || row.EffectiveStatus == EmployeeStatus.Deactivated)
            {
                continue;
            }

            if ((await RoleGrantSql.PermissionsAsync(session, id, cancellationToken)).Holds(Permission.SecurityLoginManage))
            {
                standing.Add((id, EmployeeProjection.EmailOf(row.Document) ?? id.ToString()));
            }
        }

        return standing;
    }
}
