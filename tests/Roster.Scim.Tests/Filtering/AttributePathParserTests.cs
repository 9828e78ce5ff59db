using Roster.Scim.Errors;
using Roster.Scim.Filtering;

namespace Roster.Scim.Tests.Filtering;

public sealed class AttributePathParserTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("userName", null, "userName", null)]
    [InlineData("name.givenName", null, "name", "givenName")]
    [InlineData("members.$ref", null, "members", "$ref")]
    [InlineData(" userName ", null, "userName", null)]
    [InlineData(Enterprise + ":employeeNumber", Enterprise, "employeeNumber", null)]
    [InlineData(Enterprise + ":manager.value", Enterprise, "manager", "value")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName", "urn:ietf:params:scim:schemas:core:2.0:User", "name", "familyName")]
    public void Parses_attribute_paths(string text, string? urn, string name, string? sub)
    {
        var result = AttributePathParser.Parse(text);

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal(new AttributePath(urn, name, sub), result.Value);
    }

    [Theory]
    [InlineData("", "The attribute path is empty.")]
    [InlineData(Enterprise, "names a schema, not an attribute")]
    [InlineData("name.givenName.first", "goes deeper than attribute.subAttribute")]
    [InlineData("emails[type eq \"work\"]", "is not a valid attribute name")]
    [InlineData("2fa", "is not a valid attribute name")]
    [InlineData("a:b", "only a schema URN")]
    [InlineData("urn:x:y:", "Expected an attribute name after the schema URN")]
    public void Rejects_what_is_not_an_attribute_path(string text, string error)
    {
        var result = AttributePathParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidPath, result.Error.ScimType);
        Assert.Contains(error, result.Error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Enterprise, true)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User", true)]
    [InlineData(Enterprise + ":employeeNumber", false)]
    [InlineData("userName", false)]
    [InlineData("urn:example:scim:User", false)]
    public void Recognises_whole_schema_urns(string text, bool expected)
    {
        Assert.Equal(expected, AttributePathParser.IsSchemaUrn(text));
    }
}
