using System.Text.Json.Nodes;
using Roster.Scim.Schemas;

namespace Roster.Scim.Filtering;

/// <summary>
/// Evaluates a <see cref="FilterNode"/> in memory against a SCIM resource or one element of a
/// multi-valued attribute, honouring each attribute's type and case-exactness.
/// </summary>
public static class FilterEvaluator
{
    /// <summary>True when <paramref name="resource"/> matches <paramref name="filter"/>.</summary>
    public static bool Matches(FilterNode filter, JsonObject resource, ResourceTypeDefinition resourceType) =>
        throw new NotImplementedException();

    /// <summary>
    /// True when one element of a multi-valued complex attribute (e.g. one entry of
    /// <c>emails</c>) matches a value filter whose paths name sub-attributes of
    /// <paramref name="attribute"/> (e.g. <c>type eq "work"</c>).
    /// </summary>
    public static bool MatchesElement(FilterNode filter, JsonNode? element, AttributeDefinition? attribute) =>
        throw new NotImplementedException();
}
