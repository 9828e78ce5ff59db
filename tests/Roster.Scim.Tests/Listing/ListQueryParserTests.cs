using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Listing;
using Roster.Scim.Projection;

namespace Roster.Scim.Tests.Listing;

public sealed class ListQueryParserTests
{
    private static ScimResult<ListRequest> Parse(params (string Key, string? Value)[] parameters) =>
        ListQueryParser.Parse(parameters.Select(p => KeyValuePair.Create(p.Key, p.Value)), ListLimits.Default);

    private static ListQuery Query(params (string Key, string? Value)[] parameters)
    {
        var result = Parse(parameters);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value.Query;
    }

    private static ScimError Error(params (string Key, string? Value)[] parameters)
    {
        var result = Parse(parameters);
        Assert.False(result.IsSuccess);
        return result.Error;
    }

    [Fact]
    public void No_parameters_give_the_defaults()
    {
        var request = Parse().GetValueOrThrow();

        Assert.Equal(new ListQuery { Count = 100 }, request.Query);
        Assert.Same(AttributeProjection.Default, request.Projection);
    }

    [Fact]
    public void Parameter_names_ignore_case()
    {
        var query = Query(("FILTER", "userName eq \"x\""), ("SortBy", "userName"), ("STARTINDEX", "3"), ("Count", "7"), ("sortorder", "Descending"));

        Assert.NotNull(query.Filter);
        Assert.Equal(new AttributePath(null, "userName"), query.SortBy);
        Assert.Equal(3, query.StartIndex);
        Assert.Equal(7, query.Count);
        Assert.Equal(SortOrder.Descending, query.SortOrder);
    }

    [Fact]
    public void Filter_is_parsed()
    {
        var query = Query(("filter", "userName eq \"bjensen\""));

        Assert.Equal(FilterParser.Parse("userName eq \"bjensen\"").Value, query.Filter);
    }

    [Fact]
    public void Invalid_filter_is_an_invalid_filter_error()
    {
        Assert.Equal(ScimErrorTypes.InvalidFilter, Error(("filter", "userName eq")).ScimType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Empty_filter_means_no_filter(string? filter)
    {
        Assert.Null(Query(("filter", filter)).Filter);
    }

    [Fact]
    public void Invalid_sort_by_is_an_invalid_value()
    {
        var error = Error(("sortBy", "emails[type eq \"work\"]"));

        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.StartsWith("sortBy: ", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ascending", SortOrder.Ascending)]
    [InlineData("DESCENDING", SortOrder.Descending)]
    [InlineData("", SortOrder.Ascending)]
    public void Sort_order_ignores_case(string text, SortOrder expected)
    {
        Assert.Equal(expected, Query(("sortOrder", text)).SortOrder);
    }

    [Fact]
    public void Unknown_sort_order_is_an_invalid_value()
    {
        var error = Error(("sortOrder", "up"));

        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Equal("sortOrder must be 'ascending' or 'descending', not 'up'.", error.Detail);
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("1", 1)]
    [InlineData("0", 1)]
    [InlineData("-5", 1)]
    [InlineData(" 4 ", 4)]
    [InlineData("+4", 4)]
    [InlineData("99999999999999999999", int.MaxValue)]
    public void Start_index_below_one_is_read_as_one(string text, int expected)
    {
        Assert.Equal(expected, Query(("startIndex", text)).StartIndex);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("1e2")]
    [InlineData("--1")]
    public void Non_integer_start_index_is_an_invalid_value(string text)
    {
        var error = Error(("startIndex", text));

        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Equal($"startIndex must be an integer, not '{text}'.", error.Detail);
    }

    [Theory]
    [InlineData("25", 25)]
    [InlineData("0", 0)]
    [InlineData("-1", 0)]
    [InlineData("5000", 1000)]
    [InlineData("", 100)]
    public void Count_is_clamped_between_zero_and_the_maximum(string text, int expected)
    {
        Assert.Equal(expected, Query(("count", text)).Count);
    }

    [Fact]
    public void Count_limits_come_from_the_caller()
    {
        var limits = new ListLimits { DefaultCount = 10, MaxCount = 50 };

        Assert.Equal(10, ListQueryParser.Parse([], limits).GetValueOrThrow().Query.Count);
        Assert.Equal(50, ListQueryParser.Parse([KeyValuePair.Create("count", (string?)"51")], limits).GetValueOrThrow().Query.Count);
    }

    [Fact]
    public void Non_integer_count_is_an_invalid_value()
    {
        Assert.Equal(ScimErrorTypes.InvalidValue, Error(("count", "ten")).ScimType);
    }

    [Fact]
    public void Present_and_empty_cursor_starts_a_cursor_walk()
    {
        Assert.Equal("", Query(("cursor", "")).Cursor);
        Assert.Equal("", Query(("cursor", null)).Cursor);
        Assert.Equal("VZUTiyhEQJ94IR", Query(("cursor", "VZUTiyhEQJ94IR")).Cursor);
        Assert.Null(Query().Cursor);
    }

    [Fact]
    public void Cursor_and_start_index_together_are_rejected()
    {
        var error = Error(("cursor", ""), ("startIndex", "2"));

        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Contains("RFC 9865", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_parameters_are_ignored()
    {
        // Entra ID adds aadOptscim062020 to every request once the flag is on.
        Assert.Equal(new ListQuery { Count = 100 }, Query(("aadOptscim062020", null), ("foo", "bar")));
    }

    [Fact]
    public void A_parameter_given_twice_is_rejected()
    {
        var error = Error(("count", "1"), ("COUNT", "2"));

        Assert.Equal("The count parameter is given more than once.", error.Detail);
    }

    [Fact]
    public void Attributes_are_comma_separated_and_may_repeat()
    {
        var projection = Parse(("attributes", "userName, name.givenName"), ("attributes", "emails")).GetValueOrThrow().Projection;

        Assert.Equal(["userName", "name.givenName", "emails"], projection.Attributes.Select(a => a.ToString()));
    }

    [Fact]
    public void Attributes_and_excluded_attributes_together_are_rejected()
    {
        Assert.Equal(ScimErrorTypes.InvalidValue, Error(("attributes", "userName"), ("excludedAttributes", "emails")).ScimType);
    }

    [Theory]
    [InlineData("excludedAttributes", "members", false)]
    [InlineData("attributes", "displayName", false)]
    [InlineData("attributes", "displayName,members", true)]
    [InlineData("attributes", "members.value", true)]
    [InlineData("excludedAttributes", "displayName", false)]
    [InlineData("startIndex", "1", false)]
    public void Members_are_listed_only_when_attributes_names_them(string parameter, string value, bool expected)
    {
        Assert.Equal(expected, Query((parameter, value)).IncludeMembers);
    }

    [Theory]
    [InlineData("excludedAttributes", "groups", false)]
    [InlineData("attributes", "userName", false)]
    [InlineData("attributes", "userName,groups", true)]
    [InlineData("excludedAttributes", "displayName", true)]
    [InlineData("startIndex", "1", true)]
    public void Groups_are_listed_unless_the_projection_leaves_them_out(string parameter, string value, bool expected)
    {
        Assert.Equal(expected, Query((parameter, value)).IncludeGroups);
    }

    [Fact]
    public void Okta_user_lookup_parses()
    {
        var query = Query(("filter", "userName eq \"isaac.brock@example.com\""), ("startIndex", "1"), ("count", "100"));

        Assert.Equal("userName eq \"isaac.brock@example.com\"", FilterFormatter.Format(query.Filter!));
        Assert.Equal(1, query.StartIndex);
        Assert.Equal(100, query.Count);
    }

    [Fact]
    public void Entra_group_lookup_without_members_parses()
    {
        var query = Query(("excludedAttributes", "members"), ("filter", "displayName eq \"Group1DisplayName\""));

        Assert.False(query.IncludeMembers);
        Assert.Equal("displayName eq \"Group1DisplayName\"", FilterFormatter.Format(query.Filter!));
    }
}
