using System.Text.Json.Nodes;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;
using Roster.Scim.Tests.Builders;

namespace Roster.Scim.Tests.Filtering;

public sealed class FilterEvaluatorTests
{
    private static readonly AttributeDefinition Emails = TestSchemas.User.FindAttribute("emails")!;
    private static readonly AttributeDefinition Tags = TestSchemas.Custom.FindAttribute("tags")!;

    private static FilterNode Parse(string text) => FilterParser.Parse(text).GetValueOrThrow();

    [Fact]
    public void Element_matches_a_value_filter_on_its_sub_attributes()
    {
        var element = new JsonObject { ["type"] = "work", ["value"] = "b@example.com" };

        Assert.True(FilterEvaluator.MatchesElement(Parse("type eq \"WORK\" and value ew \"example.com\""), element, Emails));
        Assert.False(FilterEvaluator.MatchesElement(Parse("type eq \"home\""), element, Emails));
    }

    [Fact]
    public void Primitive_element_is_the_value_sub_attribute()
    {
        Assert.True(FilterEvaluator.MatchesElement(Parse("value eq \"VIP\""), JsonValue.Create("vip"), Tags));
        Assert.True(FilterEvaluator.MatchesElement(Parse("value sw \"v\""), JsonValue.Create("vip"), attribute: null));
        Assert.False(FilterEvaluator.MatchesElement(Parse("type eq \"vip\""), JsonValue.Create("vip"), Tags));
    }

    [Fact]
    public void Missing_element_matches_only_negations()
    {
        Assert.False(FilterEvaluator.MatchesElement(Parse("value pr"), null, Emails));
        Assert.True(FilterEvaluator.MatchesElement(Parse("value ne \"x\""), null, Emails));
    }

    [Fact]
    public void Element_paths_with_a_urn_match_nothing()
    {
        var filter = new ComparisonFilter(new AttributePath(SchemaUris.User, "type"), ComparisonOperator.Equal, FilterLiteral.FromString("work"));

        Assert.False(FilterEvaluator.MatchesElement(filter, new JsonObject { ["type"] = "work" }, Emails));
    }

    [Fact]
    public void Value_filter_agrees_with_matching_each_element()
    {
        var resource = new JsonObject
        {
            ["emails"] = new JsonArray(
                new JsonObject { ["type"] = "home", ["value"] = "a@home.example" },
                new JsonObject { ["type"] = "work", ["value"] = "a@work.example" }),
        };
        var inner = Parse("type eq \"work\" and value co \"work\"");

        var viaResource = FilterEvaluator.Matches(new ValuePathFilter(new AttributePath(null, "emails"), inner), resource, TestSchemas.UserType);
        var viaElements = resource["emails"]!.AsArray().Any(e => FilterEvaluator.MatchesElement(inner, e, Emails));

        Assert.True(viaResource);
        Assert.Equal(viaElements, viaResource);
    }

    [Fact]
    public void Values_built_in_code_compare_like_parsed_json()
    {
        var resource = new JsonObject
        {
            ["active"] = true,
            ["meta"] = new JsonObject { ["lastModified"] = JsonValue.Create(new DateTimeOffset(2011, 5, 13, 4, 42, 34, TimeSpan.Zero)) },
            [TestSchemas.CustomUrn] = new JsonObject { ["loginCount"] = 42, ["score"] = 3.75 },
        };

        Assert.True(FilterEvaluator.Matches(Parse("active eq true"), resource, TestSchemas.UserType));
        Assert.True(FilterEvaluator.Matches(Parse("meta.lastModified eq \"2011-05-13T04:42:34Z\""), resource, TestSchemas.UserType));
        Assert.True(FilterEvaluator.Matches(Parse($"{TestSchemas.CustomUrn}:loginCount ge 42"), resource, TestSchemas.UserType));
        Assert.True(FilterEvaluator.Matches(Parse($"{TestSchemas.CustomUrn}:score lt 4"), resource, TestSchemas.UserType));
    }

    [Fact]
    public void Ne_is_the_negation_of_eq_on_multi_valued_attributes()
    {
        var resource = new JsonObject { ["emails"] = new JsonArray(new JsonObject { ["type"] = "work" }, new JsonObject { ["type"] = "home" }) };

        Assert.True(FilterEvaluator.Matches(Parse("emails.type eq \"home\""), resource, TestSchemas.UserType));
        Assert.False(FilterEvaluator.Matches(Parse("emails.type ne \"home\""), resource, TestSchemas.UserType));
    }

    [Fact]
    public void Ordering_of_strings_is_by_code_point()
    {
        // U+FF21 (fullwidth A) sorts before U+1F600 by code point, after it in UTF-16 code units.
        var resource = new JsonObject { ["title"] = "\uFF21" };

        Assert.True(FilterEvaluator.Matches(Parse("title lt \"😀\""), resource, TestSchemas.UserType));
    }

    [Fact]
    public void Mistyped_values_do_not_match_and_do_not_throw()
    {
        var resource = new JsonObject
        {
            ["active"] = "maybe",
            ["name"] = "not an object",
            ["emails"] = new JsonObject { ["value"] = 5 },
            ["meta"] = new JsonObject { ["lastModified"] = "yesterday" },
        };

        Assert.False(FilterEvaluator.Matches(Parse("active eq true"), resource, TestSchemas.UserType));
        Assert.False(FilterEvaluator.Matches(Parse("name.givenName pr"), resource, TestSchemas.UserType));
        Assert.True(FilterEvaluator.Matches(Parse("emails.value eq 5"), resource, TestSchemas.UserType));
        Assert.False(FilterEvaluator.Matches(Parse("meta.lastModified gt \"2020-01-01T00:00:00Z\""), resource, TestSchemas.UserType));
    }
}
