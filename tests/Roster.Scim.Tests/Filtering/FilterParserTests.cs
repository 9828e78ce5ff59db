using System.Text;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;

namespace Roster.Scim.Tests.Filtering;

public sealed class FilterParserTests
{
    private static readonly AttributePath A = new(null, "a");
    private static readonly AttributePath B = new(null, "b");
    private static readonly AttributePath C = new(null, "c");

    private static FilterNode Parse(string text)
    {
        var result = FilterParser.Parse(text);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value;
    }

    private static string ErrorOf(string text)
    {
        var result = FilterParser.Parse(text);
        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidFilter, result.Error.ScimType);
        return result.Error.Detail;
    }

    [Fact]
    public void Operators_are_case_insensitive()
    {
        Assert.Equal(Parse("userName eq \"john\""), Parse("userName EQ \"john\""));
        Assert.Equal(Parse("a pr and b pr"), Parse("a PR AnD b Pr"));
    }

    [Fact]
    public void Attribute_names_keep_their_written_case()
    {
        var node = Assert.IsType<ComparisonFilter>(Parse("UserName eq \"john\""));

        Assert.Equal("UserName", node.Attribute.Name);
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var expected = new LogicalFilter(
            LogicalOperator.Or,
            new PresentFilter(A),
            new LogicalFilter(LogicalOperator.And, new PresentFilter(B), new PresentFilter(C)));

        Assert.Equal(expected, Parse("a pr or b pr and c pr"));
    }

    [Fact]
    public void Not_binds_tighter_than_and()
    {
        var expected = new LogicalFilter(LogicalOperator.And, new NotFilter(new PresentFilter(A)), new PresentFilter(B));

        Assert.Equal(expected, Parse("not (a pr) and b pr"));
    }

    [Fact]
    public void Chains_are_left_associative()
    {
        var expected = new LogicalFilter(
            LogicalOperator.Or,
            new LogicalFilter(LogicalOperator.Or, new PresentFilter(A), new PresentFilter(B)),
            new PresentFilter(C));

        Assert.Equal(expected, Parse("a pr or b pr or c pr"));
    }

    [Fact]
    public void Urn_is_everything_up_to_the_last_colon()
    {
        var node = Assert.IsType<ComparisonFilter>(
            Parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"x\""));

        Assert.Equal(new AttributePath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "manager", "value"), node.Attribute);
    }

    [Fact]
    public void Value_filter_paths_are_relative_to_the_element()
    {
        var expected = new ValuePathFilter(
            new AttributePath(null, "emails"),
            new ComparisonFilter(new AttributePath(null, "type"), ComparisonOperator.Equal, FilterLiteral.FromString("work")));

        Assert.Equal(expected, Parse("emails[type eq \"work\"]"));
    }

    [Fact]
    public void Literals_have_their_json_types()
    {
        Assert.Equal(FilterLiteral.FromNumber(1.5m), Assert.IsType<ComparisonFilter>(Parse("x eq 1.5")).Value);
        Assert.Equal(FilterLiteral.True, Assert.IsType<ComparisonFilter>(Parse("x eq true")).Value);
        Assert.Equal(FilterLiteral.Null, Assert.IsType<ComparisonFilter>(Parse("x eq null")).Value);
        Assert.Equal(FilterLiteral.FromString("true"), Assert.IsType<ComparisonFilter>(Parse("x eq \"true\"")).Value);
    }

    [Fact]
    public void Unquoted_value_is_a_string()
    {
        var node = Assert.IsType<ComparisonFilter>(Parse("userName eq bjensen@example.com"));

        Assert.Equal(FilterLiteral.FromString("bjensen@example.com"), node.Value);
    }

    [Fact]
    public void Error_positions_are_one_based_and_quote_the_text_found()
    {
        Assert.Equal(
            "Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) after 'userName' at position 10, near '\"x\"'.",
            ErrorOf("userName \"x\""));
    }

    [Fact]
    public void Long_excerpts_are_cut()
    {
        var detail = ErrorOf("userName \"" + new string('x', 100) + "\"");

        Assert.EndsWith("near '\"xxxxxxxxxxxxxxxxxxxxxxx...'.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_longer_than_10000_characters_is_rejected()
    {
        var detail = ErrorOf("userName eq \"" + new string('x', 10_000) + "\"");

        Assert.Equal("The filter is 10,014 characters long; the limit is 10,000.", detail);
    }

    [Fact]
    public void Filter_of_10000_characters_is_accepted()
    {
        var text = "userName eq \"" + new string('x', 10_000 - 14) + "\"";

        Assert.Equal(10_000, text.Length);
        Assert.True(FilterParser.Parse(text).IsSuccess);
    }

    [Fact]
    public void Nesting_deeper_than_64_is_rejected_without_overflowing_the_stack()
    {
        var text = new string('(', 4_000) + "a pr" + new string(')', 4_000);

        Assert.Contains("more than 64 levels deep at position 65", ErrorOf(text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_eight_hundred_terms_parses_formats_and_evaluates()
    {
        var text = new StringBuilder("a eq 0");
        for (var i = 1; i < 800; i++)
        {
            text.Append(" or a eq ").Append(i);
        }

        var node = FilterParser.Parse(text.ToString(), new FilterLimits { MaxTerms = 800 }).GetValueOrThrow();

        Assert.Equal(800, Assert.IsType<LogicalFilter>(node).FlattenOperands().Count);
        Assert.Equal(text.ToString(), FilterFormatter.Format(node));
        Assert.True(FilterEvaluator.MatchesElement(node, new System.Text.Json.Nodes.JsonObject { ["a"] = 799 }, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Empty_filter_is_invalid(string? text)
    {
        Assert.Equal("The filter is empty.", ErrorOf(text!));
    }

    [Fact]
    public void Value_filter_of_a_patch_path_parses_relative_paths()
    {
        var result = FilterParser.ParseValueFilter("type eq \"work\" and primary eq true");

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal(
            new LogicalFilter(
                LogicalOperator.And,
                new ComparisonFilter(new AttributePath(null, "type"), ComparisonOperator.Equal, FilterLiteral.FromString("work")),
                new ComparisonFilter(new AttributePath(null, "primary"), ComparisonOperator.Equal, FilterLiteral.True)),
            result.Value);
    }

    [Theory]
    [InlineData("emails.type eq \"work\"", "Inside a value filter")]
    [InlineData("members[value eq \"x\"]", "Value filters cannot be nested")]
    [InlineData("", "The filter is empty.")]
    public void Value_filter_of_a_patch_path_rejects_what_brackets_cannot_hold(string text, string error)
    {
        var result = FilterParser.ParseValueFilter(text);

        Assert.False(result.IsSuccess);
        Assert.Contains(error, result.Error.Detail, StringComparison.Ordinal);
    }
}
