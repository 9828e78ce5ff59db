using Roster.Scim.Errors;

namespace Roster.Scim.Filtering;

/// <summary>
/// Parses a plain attribute reference (<c>attrPath</c>): the values of <c>attributes</c>,
/// <c>excludedAttributes</c> and <c>sortBy</c>, e.g. <c>name.givenName</c> or
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>.
/// </summary>
public static class AttributePathParser
{
    /// <summary>Parses one attribute path; an invalid one is a 400 <c>invalidPath</c>.</summary>
    public static ScimResult<AttributePath> Parse(string text) =>
        ScimError.NotImplemented("Attribute paths are not implemented yet.");
}
