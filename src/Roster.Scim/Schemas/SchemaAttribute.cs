namespace Roster.Scim.Schemas;

/// <summary>
/// Short constructors for the attribute definitions of the built-in schemas, so each schema file
/// reads like the RFC's table: a name, a type, a description, then only the characteristics that
/// differ from the RFC 7643 section 7 defaults (adjusted with <c>with</c>).
/// </summary>
internal static class SchemaAttribute
{
    public static AttributeDefinition String(string name, string description) =>
        new() { Name = name, Type = AttributeType.String, Description = description };

    public static AttributeDefinition Boolean(string name, string description) =>
        new() { Name = name, Type = AttributeType.Boolean, Description = description };

    public static AttributeDefinition DateTime(string name, string description) =>
        new() { Name = name, Type = AttributeType.DateTime, Description = description };

    public static AttributeDefinition Binary(string name, string description) =>
        new() { Name = name, Type = AttributeType.Binary, Description = description };

    public static AttributeDefinition Reference(string name, string description, params string[] referenceTypes) =>
        new() { Name = name, Type = AttributeType.Reference, Description = description, ReferenceTypes = referenceTypes };

    public static AttributeDefinition Complex(string name, string description, params AttributeDefinition[] subAttributes) =>
        new() { Name = name, Type = AttributeType.Complex, Description = description, SubAttributes = subAttributes };

    /// <summary>A multi-valued complex attribute (emails, roles, members, ...).</summary>
    public static AttributeDefinition MultiValued(string name, string description, params AttributeDefinition[] subAttributes) =>
        Complex(name, description, subAttributes) with { MultiValued = true };

    /// <summary>The <c>display</c> sub-attribute shared by the multi-valued attributes of RFC 7643 section 2.4.</summary>
    public static AttributeDefinition Display() =>
        String("display", "A human-readable name, primarily used for display purposes.  READ-ONLY.");

    /// <summary>The <c>type</c> sub-attribute: a label, with the RFC's canonical values when it lists any.</summary>
    public static AttributeDefinition TypeLabel(string description, params string[] canonicalValues) =>
        String("type", description) with { CanonicalValues = canonicalValues };

    /// <summary>The <c>primary</c> sub-attribute; the RFC varies only the example in its description.</summary>
    public static AttributeDefinition Primary(string example) =>
        Boolean(
            "primary",
            example.Length == 0
                ? "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once."
                : $"A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., {example}.  The primary attribute value 'true' MUST appear no more than once.");
}
