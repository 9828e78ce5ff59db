using Roster.Scim.Schemas;

namespace Roster.Directory.SchemaExtensions;

/// <summary>
/// The resource types as one tenant sees them: Roster's User (with the Enterprise User
/// extension) and Group, each with the tenant's own extensions added. Every SCIM request runs
/// against its tenant's (<see cref="Resources.ScimCaller.Schemas"/>), taken from
/// <see cref="ReadTenantSchemas"/> (kept per tenant for a couple of seconds).
/// </summary>
public sealed class TenantSchemas
{
    public TenantSchemas(IReadOnlyList<SchemaExtension> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        Extensions = extensions;
        User = Extend(ScimResourceTypes.User, extensions);
        Group = Extend(ScimResourceTypes.Group, extensions);
        All = [User, Group];
    }

    /// <summary>A tenant without extensions of its own.</summary>
    public static TenantSchemas Standard { get; } = new([]);

    /// <summary>The tenant's own extensions, by URN.</summary>
    public IReadOnlyList<SchemaExtension> Extensions { get; }

    public ResourceTypeDefinition User { get; }

    public ResourceTypeDefinition Group { get; }

    /// <summary>User then Group, as <c>/ResourceTypes</c> lists them.</summary>
    public IReadOnlyList<ResourceTypeDefinition> All { get; }

    /// <summary>Every schema of either type, each once, as <c>/Schemas</c> lists them.</summary>
    public IEnumerable<SchemaDefinition> Schemas => All.SelectMany(t => t.AllSchemas).DistinctBy(s => s.Id);

    /// <summary>The resource type named <paramref name="name"/> ("User", "Group"), ignoring case.</summary>
    public ResourceTypeDefinition? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The tenant's version of one of Roster's resource types.</summary>
    public ResourceTypeDefinition For(ResourceTypeDefinition standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return Find(standard.Name) ?? standard;
    }

    /// <summary>The tenant's own extensions of <paramref name="type"/>, whose uniqueness Roster checks.</summary>
    public IEnumerable<SchemaExtension> ExtensionsOf(ResourceTypeDefinition type) =>
        Extensions.Where(e => string.Equals(e.ResourceType, type?.Name, StringComparison.Ordinal));

    private static ResourceTypeDefinition Extend(ResourceTypeDefinition type, IReadOnlyList<SchemaExtension> extensions)
    {
        var own = extensions.Where(e => string.Equals(e.ResourceType, type.Name, StringComparison.Ordinal)).ToList();
        return own.Count == 0 ? type : type with { Extensions = [.. type.Extensions, .. own.Select(e => (e.Schema, e.Required))] };
    }
}
