using Roster.Scim.Errors;

namespace Roster.Scim.Filtering;

/// <summary>Parses SCIM filter text (RFC 7644 section 3.4.2.2) into a <see cref="FilterNode"/>.</summary>
public static class FilterParser
{
    /// <summary>Parses a filter; a syntax error is a 400 <c>invalidFilter</c> that says where.</summary>
    public static ScimResult<FilterNode> Parse(string text) =>
        ScimError.NotImplemented("Filters are not implemented yet.");
}
