using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Schemas;

namespace Roster.Scim.Projection;

/// <summary>
/// Which attributes a response carries (RFC 7644 section 3.9, RFC 7643 section 7
/// <c>returned</c>): <c>id</c> and <c>schemas</c> always; <c>never</c> attributes (password)
/// never, even when stored or asked for; <c>request</c> attributes only when named in
/// <c>attributes</c>; <c>default</c> ones (including <c>meta</c>) unless excluded, or when
/// <c>attributes</c> is given and names neither them nor their schema.
/// </summary>
public sealed class AttributeProjection
{
    private const string CoreSchemaPrefix = "urn:ietf:params:scim:schemas:core:";

    private AttributeProjection(IReadOnlyList<AttributeSelector> attributes, IReadOnlyList<AttributeSelector> excludedAttributes)
    {
        Attributes = attributes;
        ExcludedAttributes = excludedAttributes;
    }

    /// <summary>No <c>attributes</c> nor <c>excludedAttributes</c>: every default attribute.</summary>
    public static AttributeProjection Default { get; } = new([], []);

    /// <summary>The <c>attributes</c> asked for; empty when the parameter was not given.</summary>
    public IReadOnlyList<AttributeSelector> Attributes { get; }

    /// <summary>The <c>excludedAttributes</c>; empty when the parameter was not given.</summary>
    public IReadOnlyList<AttributeSelector> ExcludedAttributes { get; }

    /// <summary>True when neither list was given.</summary>
    public bool IsDefault => Attributes.Count == 0 && ExcludedAttributes.Count == 0;

    /// <summary>
    /// Parses the comma-separated values of <c>attributes</c> and <c>excludedAttributes</c>
    /// (null or empty when absent). Names ignore case; empty entries are skipped.
    /// </summary>
    public static ScimResult<AttributeProjection> Parse(string? attributes, string? excludedAttributes) =>
        Create(SplitList(attributes), SplitList(excludedAttributes));

    /// <summary>
    /// Builds a projection from entries already split (e.g. the JSON arrays of a SearchRequest).
    /// An invalid entry, or both lists at once, is a 400 <c>invalidValue</c>.
    /// </summary>
    public static ScimResult<AttributeProjection> Create(IEnumerable<string> attributes, IEnumerable<string> excludedAttributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(excludedAttributes);
        var included = ParseEntries(attributes, "attributes");
        if (!included.IsSuccess)
        {
            return included.Error;
        }

        var excluded = ParseEntries(excludedAttributes, "excludedAttributes");
        if (!excluded.IsSuccess)
        {
            return excluded.Error;
        }

        if (included.Value.Count > 0 && excluded.Value.Count > 0)
        {
            return ScimError.InvalidValue(
                "attributes and excludedAttributes cannot be used together: list the attributes to return, or the ones to leave out.");
        }

        return included.Value.Count == 0 && excluded.Value.Count == 0
            ? Default
            : new AttributeProjection(included.Value, excluded.Value);
    }

    /// <summary>
    /// False only when the projection certainly leaves out the core attribute
    /// <paramref name="attributeName"/>, so the caller need not load it (a Group's
    /// <c>members</c> with <c>excludedAttributes=members</c>). Errs towards true.
    /// </summary>
    public bool MayReturn(string attributeName)
    {
        ArgumentNullException.ThrowIfNull(attributeName);
        if (Attributes.Count > 0)
        {
            return Attributes.Any(s => s.SchemaUrn is not null
                || string.Equals(s.Attribute!.Name, attributeName, StringComparison.OrdinalIgnoreCase));
        }

        return !ExcludedAttributes.Any(s => s.Attribute is { SubAttribute: null } excluded
            && string.Equals(excluded.Name, attributeName, StringComparison.OrdinalIgnoreCase)
            && (excluded.SchemaUrn is null || excluded.SchemaUrn.StartsWith(CoreSchemaPrefix, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// True when <c>attributes</c> asks for the core attribute <paramref name="attributeName"/>
    /// by name (or one of its sub-attributes, or its whole schema): what a list needs before it
    /// returns an attribute it leaves out by default (a Group's <c>members</c>).
    /// </summary>
    public bool Names(string attributeName)
    {
        ArgumentNullException.ThrowIfNull(attributeName);
        return Attributes.Any(s => s.Attribute is { } path
            ? string.Equals(path.Name, attributeName, StringComparison.OrdinalIgnoreCase)
                && (path.SchemaUrn is null || path.SchemaUrn.StartsWith(CoreSchemaPrefix, StringComparison.OrdinalIgnoreCase))
            : s.SchemaUrn!.StartsWith(CoreSchemaPrefix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A new object holding the parts of <paramref name="resource"/> this projection returns.</summary>
    public JsonObject Apply(JsonObject resource, ResourceTypeDefinition resourceType)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(resourceType);
        return new ProjectionWriter(this, resourceType).Write(resource);
    }

    /// <summary>The entries of a comma-separated list, trimmed, without empty ones.</summary>
    internal static IEnumerable<string> SplitList(string? list) =>
        string.IsNullOrWhiteSpace(list)
            ? []
            : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static ScimResult<IReadOnlyList<AttributeSelector>> ParseEntries(IEnumerable<string> entries, string parameter)
    {
        var selectors = new List<AttributeSelector>();
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                continue;
            }

            var selector = AttributeSelector.Parse(entry, valueFilterTolerated: parameter == "attributes");
            if (!selector.IsSuccess)
            {
                return ScimError.InvalidValue($"{parameter}: {selector.Error.Detail}");
            }

            selectors.Add(selector.Value);
        }

        return selectors;
    }
}
