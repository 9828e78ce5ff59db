namespace Roster.Scim.Schemas;

/// <summary>The resource types Roster serves (RFC 7643 section 6): User with the Enterprise User extension, and Group.</summary>
public static class ScimResourceTypes
{
    /// <summary>User at <c>/Users</c>; the Enterprise User extension is optional.</summary>
    public static ResourceTypeDefinition User { get; } = new()
    {
        Name = "User",
        Endpoint = "/Users",
        Description = "User Account",
        Schema = ScimSchemas.User,
        Extensions = [(ScimSchemas.EnterpriseUser, false)],
    };

    /// <summary>Group at <c>/Groups</c>.</summary>
    public static ResourceTypeDefinition Group { get; } = new()
    {
        Name = "Group",
        Endpoint = "/Groups",
        Description = "Group",
        Schema = ScimSchemas.Group,
    };

    /// <summary>Every resource type, in the order <c>/ResourceTypes</c> lists them.</summary>
    public static IReadOnlyList<ResourceTypeDefinition> All { get; } = [User, Group];

    /// <summary>Finds a resource type by name, ignoring case.</summary>
    public static ResourceTypeDefinition? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
