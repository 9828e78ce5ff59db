using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Listing;

namespace Roster.Scim.Tests.Listing;

/// <summary><see cref="ListQueryParser.ParseSearchRequest"/>: the body of <c>POST /.search</c>.</summary>
public sealed class SearchRequestParserTests
{
    private static ScimResult<ListRequest> Parse(string json) =>
        ListQueryParser.ParseSearchRequest(JsonNode.Parse(json), ListLimits.Default);

    private static ListRequest Request(string json)
    {
        var result = Parse(json);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value;
    }

    [Fact]
    public void Rfc_example_search_request_parses()
    {
        // RFC 7644 section 3.4.3.
        var request = Request("""
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
              "attributes": ["displayName", "userName"],
              "filter": "displayName sw \"smith\"",
              "startIndex": 1,
              "count": 10
            }
            """);

        Assert.Equal("displayName sw \"smith\"", FilterFormatter.Format(request.Query.Filter!));
        Assert.Equal(1, request.Query.StartIndex);
        Assert.Equal(10, request.Query.Count);
        Assert.Equal(["displayName", "userName"], request.Projection.Attributes.Select(a => a.ToString()));
    }

    [Fact]
    public void Missing_schemas_is_tolerated()
    {
        Assert.Equal(5, Request("""{"count": 5}""").Query.Count);
    }

    [Fact]
    public void Schemas_without_the_search_request_urn_is_invalid_syntax()
    {
        var error = Parse("""{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""").Error;

        Assert.Equal(ScimErrorTypes.InvalidSyntax, error?.ScimType);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"filter\"")]
    public void Body_that_is_not_an_object_is_invalid_syntax(string json)
    {
        Assert.Equal(ScimErrorTypes.InvalidSyntax, Parse(json).Error?.ScimType);
    }

    [Fact]
    public void Lists_may_be_comma_separated_strings()
    {
        var request = Request("""{"excludedAttributes": "emails, members"}""");

        Assert.Equal(["emails", "members"], request.Projection.ExcludedAttributes.Select(a => a.ToString()));
        Assert.False(request.Query.IncludeMembers);
    }

    [Fact]
    public void Numbers_may_be_numeric_strings()
    {
        var query = Request("""{"startIndex": "3", "count": "20"}""").Query;

        Assert.Equal(3, query.StartIndex);
        Assert.Equal(20, query.Count);
    }

    [Theory]
    [InlineData("""{"count": 1.5}""", "count must be an integer, not '1.5'.")]
    [InlineData("""{"count": true}""", "count must be an integer.")]
    [InlineData("""{"filter": 5}""", "filter must be a string.")]
    [InlineData("""{"attributes": [5]}""", "attributes must be an array of attribute names or a comma-separated string.")]
    [InlineData("""{"sortOrder": "sideways"}""", "sortOrder must be 'ascending' or 'descending', not 'sideways'.")]
    public void Values_of_the_wrong_type_are_invalid_values(string json, string detail)
    {
        var error = Parse(json).Error;

        Assert.Equal(ScimErrorTypes.InvalidValue, error?.ScimType);
        Assert.Equal(detail, error?.Detail);
    }

    [Fact]
    public void Empty_cursor_starts_a_walk_and_null_cursor_is_absent()
    {
        Assert.Equal("", Request("""{"cursor": ""}""").Query.Cursor);
        Assert.Null(Request("""{"cursor": null}""").Query.Cursor);
    }

    [Fact]
    public void Member_names_ignore_case_and_unknown_members_are_ignored()
    {
        var query = Request("""{"Filter": "title pr", "COUNT": 2, "SortBy": "meta.lastModified", "x-vendor": {"a": 1}}""").Query;

        Assert.NotNull(query.Filter);
        Assert.Equal(2, query.Count);
        Assert.Equal(new AttributePath(null, "meta", "lastModified"), query.SortBy);
    }

    [Fact]
    public void A_member_given_twice_in_different_case_is_rejected()
    {
        Assert.Equal(ScimErrorTypes.InvalidValue, Parse("""{"filter": "a pr", "FILTER": "b pr"}""").Error?.ScimType);
    }

    [Fact]
    public void Invalid_filter_in_the_body_is_an_invalid_filter()
    {
        Assert.Equal(ScimErrorTypes.InvalidFilter, Parse("""{"filter": "title eq"}""").Error?.ScimType);
    }
}
