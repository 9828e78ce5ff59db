using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Patching;
using Roster.Scim.Schemas;

namespace Roster.Scim.Tests.Patching;

public sealed class PatchPathParserTests
{
    private static PatchPath Parse(string text)
    {
        var result = PatchPathParser.Parse(text);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value;
    }

    private static ScimError Fail(string text)
    {
        var result = PatchPathParser.Parse(text);
        Assert.False(result.IsSuccess, $"'{text}' parsed as {result.Value}");
        Assert.Equal(ScimErrorTypes.InvalidPath, result.Error.ScimType);
        return result.Error;
    }

    [Fact]
    public void Simple_attribute()
    {
        var path = Parse("emails");
        Assert.Equal(new AttributePath(null, "emails"), path.Attribute);
        Assert.Null(path.ValueFilter);
        Assert.Null(path.SubAttribute);
    }

    [Fact]
    public void Sub_attribute_of_complex_attribute() =>
        Assert.Equal(new AttributePath(null, "name", "givenName"), Parse("name.givenName").Attribute);

    [Fact]
    public void Surrounding_whitespace_is_ignored() =>
        Assert.Equal(new AttributePath(null, "userName"), Parse("  userName ").Attribute);

    [Fact]
    public void Value_filter_selects_members()
    {
        var path = Parse("members[value eq \"2819c223\"]");
        Assert.Equal(new AttributePath(null, "members"), path.Attribute);
        var comparison = Assert.IsType<ComparisonFilter>(path.ValueFilter);
        Assert.Equal("value", comparison.Attribute.Name);
        Assert.Equal(ComparisonOperator.Equal, comparison.Operator);
        Assert.Equal("2819c223", comparison.Value.Text);
        Assert.Null(path.SubAttribute);
    }

    [Theory]
    [InlineData("emails[type eq \"work\"].value", "emails", "value")]
    [InlineData("addresses[type eq \"work\"].streetAddress", "addresses", "streetAddress")]
    [InlineData("phoneNumbers[type eq \"mobile\"].value", "phoneNumbers", "value")]
    public void Value_filter_followed_by_sub_attribute(string text, string attribute, string subAttribute)
    {
        var path = Parse(text);
        Assert.Equal(attribute, path.Attribute.Name);
        Assert.NotNull(path.ValueFilter);
        Assert.Equal(subAttribute, path.SubAttribute);
    }

    [Fact]
    public void Urn_qualified_extension_attribute()
    {
        var path = Parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager");
        Assert.Equal(new AttributePath(SchemaUris.EnterpriseUser, "manager"), path.Attribute);
    }

    [Fact]
    public void Urn_qualified_extension_sub_attribute_keeps_the_version_dot_in_the_urn() =>
        Assert.Equal(
            new AttributePath(SchemaUris.EnterpriseUser, "manager", "value"),
            Parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value").Attribute);

    [Fact]
    public void Urn_qualified_core_sub_attribute() =>
        Assert.Equal(
            new AttributePath(SchemaUris.User, "name", "familyName"),
            Parse("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName").Attribute);

    [Fact]
    public void Bare_extension_urn_names_the_whole_extension()
    {
        var path = Parse(SchemaUris.EnterpriseUser);
        Assert.True(path.IsSchema);
        Assert.Equal(SchemaUris.EnterpriseUser, path.Attribute.SchemaUrn);
        Assert.Equal(SchemaUris.EnterpriseUser, path.ToString());
    }

    [Fact]
    public void Closing_bracket_inside_a_quoted_string_does_not_end_the_filter()
    {
        var path = Parse("emails[value eq \"a]b@example.com\"].display");
        var comparison = Assert.IsType<ComparisonFilter>(path.ValueFilter);
        Assert.Equal("a]b@example.com", comparison.Value.Text);
        Assert.Equal("display", path.SubAttribute);
    }

    [Fact]
    public void Escaped_quote_inside_a_quoted_string_does_not_end_the_string()
    {
        var path = Parse("emails[display eq \"say \\\"hi]\\\"\"].value");
        var comparison = Assert.IsType<ComparisonFilter>(path.ValueFilter);
        Assert.Equal("say \"hi]\"", comparison.Value.Text);
        Assert.Equal("value", path.SubAttribute);
    }

    [Fact]
    public void Logical_value_filter_is_parsed_by_the_filter_parser() =>
        Assert.IsType<LogicalFilter>(Parse("emails[type eq \"work\" and value ew \"example.com\"]").ValueFilter);

    [Fact]
    public void Path_round_trips_through_its_text()
    {
        var path = Parse("emails[type eq \"work\"].value");
        Assert.Equal(path, Parse(path.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_path_is_invalid(string text) => Assert.Contains("empty", Fail(text).Detail, StringComparison.Ordinal);

    [Fact]
    public void Unclosed_bracket_is_invalid_and_says_where() =>
        Assert.Contains("position 7", Fail("emails[type eq \"work\"").Detail, StringComparison.Ordinal);

    [Fact]
    public void Closing_bracket_without_opening_is_invalid() => Fail("emails]");

    [Fact]
    public void Empty_value_filter_is_invalid() => Assert.Contains("empty", Fail("emails[].value").Detail, StringComparison.Ordinal);

    [Fact]
    public void Text_after_the_filter_that_is_not_a_sub_attribute_is_invalid() => Fail("emails[type eq \"work\"]value");

    [Fact]
    public void Invalid_sub_attribute_after_the_filter_is_invalid() => Fail("emails[type eq \"work\"].va lue");

    [Fact]
    public void Filter_after_a_sub_attribute_is_invalid() => Fail("name.givenName[value eq \"x\"]");

    [Fact]
    public void Invalid_filter_is_reported_as_invalid_path_with_the_filter_problem()
    {
        var error = Fail("emails[type zz \"work\"]");
        Assert.Contains("emails[type zz \"work\"]", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name.givenName.first")]
    [InlineData("1name")]
    [InlineData("na me")]
    [InlineData("foo:bar")]
    public void Malformed_attribute_path_is_invalid(string text) => Fail(text);

    [Fact]
    public void Parse_never_throws_on_garbage()
    {
        foreach (var text in new[] { "[", "]", "[]", "\"", "a[\"", "a[b eq \"]", "urn:", "urn:x:y:", "a.[b eq 1]", "a[b eq 1]]" })
        {
            var result = PatchPathParser.Parse(text);
            Assert.False(result.IsSuccess, text);
            Assert.Equal(ScimErrorTypes.InvalidPath, result.Error.ScimType);
        }
    }
}
