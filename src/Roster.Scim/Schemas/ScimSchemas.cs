namespace Roster.Scim.Schemas;

/// <summary>The schemas Roster serves: core User and Group, and the Enterprise User extension (RFC 7643 section 8.7.1).</summary>
public static class ScimSchemas
{
    /// <summary><c>urn:ietf:params:scim:schemas:core:2.0:User</c>.</summary>
    public static SchemaDefinition User => UserSchema.Definition;

    /// <summary><c>urn:ietf:params:scim:schemas:core:2.0:Group</c>.</summary>
    public static SchemaDefinition Group => GroupSchema.Definition;

    /// <summary><c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c>.</summary>
    public static SchemaDefinition EnterpriseUser => EnterpriseUserSchema.Definition;

    /// <summary>Every schema, in the order <c>/Schemas</c> lists them.</summary>
    public static IReadOnlyList<SchemaDefinition> All { get; } = [User, Group, EnterpriseUser];

    /// <summary>Finds a schema by URN, ignoring case.</summary>
    public static SchemaDefinition? Find(string urn) =>
        All.FirstOrDefault(s => string.Equals(s.Id, urn, StringComparison.OrdinalIgnoreCase));
}
