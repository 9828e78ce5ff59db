namespace Roster.Directory.Roles;

/// <summary>
/// What a person or a credential may do: the permission keys it holds (implied ones included),
/// or, for the operator who runs Roster (the CLI, the bootstrap token), everything. Immutable;
/// every check of Roster's privilege model (<see cref="PrivilegeRules"/>) compares two of these.
/// </summary>
public sealed class PermissionSet
{
    /// <summary>What <see cref="ToText"/> writes for <see cref="Unbounded"/>; no permission key contains it.</summary>
    private const string UnboundedText = "*";

    private readonly HashSet<string>? _keys;

    private PermissionSet(HashSet<string>? keys) => _keys = keys;

    /// <summary>The operator's: every permission, now and in later versions.</summary>
    public static PermissionSet Unbounded { get; } = new(null);

    public static PermissionSet None { get; } = new([]);

    /// <summary>True for <see cref="Unbounded"/>.</summary>
    public bool IsUnbounded => _keys is null;

    /// <summary>The keys held, in catalogue order; every key of the catalogue when unbounded.</summary>
    public IReadOnlyList<string> Keys => [.. Permission.All.Where(Holds).Select(p => p.Key)];

    /// <summary>The known permissions among <paramref name="keys"/>, with those they imply; unknown keys are ignored.</summary>
    public static PermissionSet Of(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var permission in keys.Select(Permission.Find).OfType<Permission>())
        {
            for (var p = permission; p is not null; p = p.Implies)
            {
                held.Add(p.Key);
            }
        }

        return new PermissionSet(held);
    }

    /// <summary>The permissions that the active roles named in <paramref name="roleNames"/> grant (names compare exactly).</summary>
    public static PermissionSet OfRoles(IEnumerable<string> roleNames, IReadOnlyList<Role> tenantRoles)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        ArgumentNullException.ThrowIfNull(tenantRoles);
        var names = roleNames.ToHashSet(StringComparer.Ordinal);
        return Of(tenantRoles.Where(r => r.Active && names.Contains(r.Name)).SelectMany(r => r.Permissions).Select(p => p.Key));
    }

    /// <summary>The set written by <see cref="ToText"/>; null reads as <paramref name="whenNull"/>.</summary>
    public static PermissionSet Parse(string? text, PermissionSet whenNull)
    {
        ArgumentNullException.ThrowIfNull(whenNull);
        return text switch
        {
            null => whenNull,
            UnboundedText => Unbounded,
            _ => Of(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        };
    }

    public bool Holds(Permission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return _keys is null || _keys.Contains(permission.Key);
    }

    /// <summary>The permissions of <paramref name="wanted"/> not held here, each once, in catalogue order.</summary>
    public IReadOnlyList<Permission> Missing(PermissionSet wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        return [.. Permission.All.Where(p => wanted.Holds(p) && !Holds(p))];
    }

    /// <summary>True when everything <paramref name="other"/> holds is held here.</summary>
    public bool Covers(PermissionSet other) => Missing(other).Count == 0;

    /// <summary>What both hold: a credential's power is its owner's permissions within its ceiling.</summary>
    public PermissionSet Within(PermissionSet ceiling)
    {
        ArgumentNullException.ThrowIfNull(ceiling);
        if (ceiling.IsUnbounded)
        {
            return this;
        }

        return IsUnbounded ? ceiling : new PermissionSet([.. _keys!.Where(ceiling._keys!.Contains)]);
    }

    /// <summary>The keys separated by spaces, or <c>*</c> when unbounded: how sets are stored and carried in claims.</summary>
    public string ToText() => IsUnbounded ? UnboundedText : string.Join(' ', Keys);

    public override string ToString() => ToText();
}
