using Roster.Directory.Administration;

namespace Roster.Directory.Roles;

/// <summary>Between the permission keys an administrator sends, the <c>permissions</c> column and <see cref="Permission"/> values.</summary>
internal static class RolePermissions
{
    /// <summary>
    /// The permissions named by <paramref name="keys"/> plus those they imply, each once, in
    /// catalogue order; an unknown key is a validation error naming it and the known ones.
    /// </summary>
    public static AdminResult<IReadOnlyList<Permission>> Parse(IEnumerable<string> keys)
    {
        var granted = new HashSet<Permission>();
        foreach (var key in keys)
        {
            var permission = Permission.Find(key?.Trim() ?? "");
            if (permission is null)
            {
                return AdminError.Validation($"There is no permission '{key}'. Known permissions: {string.Join(", ", Permission.All.Select(p => p.Key))}.") with { Field = "permissions" };
            }

            for (var p = permission; p is not null; p = p.Implies)
            {
                granted.Add(p);
            }
        }

        return AdminResult<IReadOnlyList<Permission>>.Success([.. Permission.All.Where(granted.Contains)]);
    }

    /// <summary>The column's text: the keys separated by spaces (keys never contain one).</summary>
    public static string ToColumn(IReadOnlyList<Permission> permissions) => string.Join(' ', permissions.Select(p => p.Key));

    /// <summary>The column read back; keys this version does not know are skipped rather than failing the read.</summary>
    public static IReadOnlyList<Permission> FromColumn(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Permission.Find).OfType<Permission>()];
}
