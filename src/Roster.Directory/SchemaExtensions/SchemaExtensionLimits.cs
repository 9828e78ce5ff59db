namespace Roster.Directory.SchemaExtensions;

/// <summary>
/// How much a tenant may define. Every SCIM request reads and parses its tenant's definitions,
/// and every write validates against them: the bounds keep that cheap. The per-extension bounds
/// (attributes, sub-attributes, canonical values, name lengths) are
/// <see cref="Scim.Schemas.SchemaExtensionReader"/>'s.
/// </summary>
public static class SchemaExtensionLimits
{
    /// <summary>The most extensions one tenant may define, Users and Groups together.</summary>
    public const int MaxPerTenant = 20;
}
