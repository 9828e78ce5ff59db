using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Projection;

namespace Roster.Scim.Tests.Projection;

public sealed class AttributeSelectorTests
{
    [Fact]
    public void Schema_urn_selects_the_whole_schema()
    {
        var selector = AttributeSelector.Parse(" urn:ietf:params:scim:schemas:extension:enterprise:2.0:User ").GetValueOrThrow();

        Assert.Equal("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", selector.SchemaUrn);
        Assert.Null(selector.Attribute);
    }

    [Fact]
    public void Attribute_path_selects_an_attribute()
    {
        var selector = AttributeSelector.Parse("name.givenName").GetValueOrThrow();

        Assert.Equal(new AttributePath(null, "name", "givenName"), selector.Attribute);
        Assert.Equal("name.givenName", selector.ToString());
    }

    [Fact]
    public void Invalid_text_is_an_invalid_path()
    {
        Assert.Equal(ScimErrorTypes.InvalidPath, AttributeSelector.Parse("a.b.c").Error?.ScimType);
    }
}
