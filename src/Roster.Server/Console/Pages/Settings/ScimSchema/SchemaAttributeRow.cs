namespace Roster.Server.Console.Pages.Settings.ScimSchema;

/// <summary>
/// One attribute of an extension as the console's form holds it: the characteristics of RFC 7643
/// section 7 as boxes, canonical values one per line, and a complex attribute's sub-attributes as
/// the JSON array RFC 7643 writes (so that none of their characteristics is lost on a save).
/// </summary>
public sealed class SchemaAttributeRow
{
    public string? Name { get; set; }

    public string? Type { get; set; } = "string";

    public bool MultiValued { get; set; }

    public bool Required { get; set; }

    public bool CaseExact { get; set; }

    public string? Mutability { get; set; } = "readWrite";

    public string? Returned { get; set; } = "default";

    public string? Uniqueness { get; set; } = "none";

    /// <summary>One value per line.</summary>
    public string? CanonicalValues { get; set; }

    public string? Description { get; set; }

    /// <summary>One per line (<c>external</c>, <c>uri</c>, <c>User</c>, ...), for reference attributes.</summary>
    public string? ReferenceTypes { get; set; }

    /// <summary>A complex attribute's sub-attributes as a JSON array.</summary>
    public string? SubAttributes { get; set; }

    /// <summary>True when nothing was typed in the row (a row added and left empty is not sent).</summary>
    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(CanonicalValues) && string.IsNullOrWhiteSpace(Description)
        && string.IsNullOrWhiteSpace(ReferenceTypes) && string.IsNullOrWhiteSpace(SubAttributes);
}
