using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Tests.Builders;
using Roster.Scim.Tests.Hostile;

namespace Roster.Scim.Tests.Filtering;

/// <summary>
/// The filter parser and evaluator on adversarial text: whatever the input, a tree or a 400
/// <c>invalidFilter</c>, in bounded time, and never an exception. Nesting is capped at
/// <see cref="FilterParser.MaxDepth"/> and length at <see cref="FilterParser.MaxLength"/>, so
/// no input can exhaust the stack.
/// </summary>
public sealed class FilterHostileInputTests
{
    private static readonly JsonObject[] Resources =
        [.. CaseFiles.Load("filter-evaluation-cases.json")["resources"]!.AsObject().Select(pair => pair.Value).OfType<JsonObject>()];

    [HostileProperty(3000)]
    public Property Parse_gives_a_tree_or_invalidFilter(HostileText input) =>
        HostileCall.Holds(input.Text, () => OnlyInvalidFilter(FilterParser.Parse(input.Text)));

    [HostileProperty(2000)]
    public Property ParseValueFilter_gives_a_tree_or_invalidFilter(HostileText input) =>
        HostileCall.Holds(input.Text, () => OnlyInvalidFilter(FilterParser.ParseValueFilter(input.Text)));

    [HostileProperty(2000)]
    public Property What_parses_formats_to_a_fixed_point_and_evaluates_without_throwing(HostileText input) =>
        HostileCall.Holds(input.Text, () =>
        {
            var parsed = FilterParser.Parse(input.Text);
            if (!parsed.IsSuccess)
            {
                return null;
            }

            var text = FilterFormatter.Format(parsed.Value);
            var again = FilterParser.Parse(text);
            if (!again.IsSuccess || again.Value != parsed.Value)
            {
                throw new InvalidOperationException($"'{text}' does not parse back to the same tree: {again.Error?.Detail}");
            }

            foreach (var resource in Resources)
            {
                FilterEvaluator.Matches(parsed.Value, resource, TestSchemas.UserType);
            }

            return null;
        });

    [Theory]
    [InlineData("(", "userName pr", ")", 4_990)]
    [InlineData("(", "userName pr", ")", 10_000)]
    [InlineData("not (", "userName pr", ")", 1_600)]
    [InlineData("emails[", "value pr", "]", 1_000)]
    [InlineData("(", "", "", 100_000)]
    public void Deep_nesting_is_invalidFilter_not_a_stack_overflow(string open, string inner, string close, int depth)
    {
        var text = string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

        var result = FilterParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidFilter, result.Error.ScimType);
        Assert.True(result.Error.Detail.Length < 300, result.Error.Detail);
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses()
    {
        var depth = FilterParser.MaxDepth;
        var text = string.Concat(Enumerable.Repeat("not (", depth)) + "userName pr" + new string(')', depth);

        var result = FilterParser.Parse(text);

        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    [HostileProperty(1000)]
    public Property What_parses_holds_no_more_terms_than_the_limit(HostileText input) =>
        HostileCall.Holds(input.Text, () =>
        {
            var parsed = FilterParser.Parse(input.Text);
            if (parsed.IsSuccess && Terms(parsed.Value) > FilterParser.MaxTerms)
            {
                throw new InvalidOperationException($"A filter of {Terms(parsed.Value)} terms parsed.");
            }

            return parsed.IsSuccess ? null : parsed.Error;
        });

    [Theory]
    [InlineData("id pr", " or ")]
    [InlineData("id pr", " and ")]
    [InlineData("userName eq \"x\"", " or ")]
    [InlineData("not (id pr)", " and ")]
    public void A_filter_over_the_term_limit_is_invalidFilter_naming_the_limit(string term, string separator)
    {
        var atTheLimit = string.Join(separator, Enumerable.Repeat(term, FilterParser.MaxTerms));
        var overIt = atTheLimit + separator + term;
        var bracketed = "emails[" + string.Join(separator, Enumerable.Repeat("value pr", FilterParser.MaxTerms + 1)) + "]";

        Assert.True(FilterParser.Parse(atTheLimit, new FilterLimits { MaxLength = 100_000 }).IsSuccess);
        foreach (var text in new[] { overIt, bracketed })
        {
            var result = FilterParser.Parse(text, new FilterLimits { MaxLength = 100_000 });

            Assert.False(result.IsSuccess);
            Assert.Equal(ScimErrorTypes.InvalidFilter, result.Error.ScimType);
            Assert.Contains("the limit is 500", result.Error.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_term_limit_is_configurable()
    {
        var limits = new FilterLimits { MaxTerms = 3 };

        Assert.True(FilterParser.Parse("a pr or b pr or emails[value pr]", limits).IsSuccess);
        Assert.Contains("the limit is 3", FilterParser.Parse("a pr or b pr or emails[value pr or type pr]", limits).Error!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("loginCount gt 1e400", false)]
    [InlineData("loginCount gt -1e400", false)]
    [InlineData("loginCount gt 99999999999999999999999", true)]
    [InlineData("loginCount gt 79228162514264337593543950336", false)]
    [InlineData("loginCount gt 1E-400", true)]
    [InlineData("userName co 1e400", true)]
    public void Huge_numbers_are_a_value_or_invalidFilter(string text, bool parses)
    {
        var result = FilterParser.Parse(text);

        Assert.Equal(parses, result.IsSuccess);
        Assert.True(result.IsSuccess || result.Error.ScimType == ScimErrorTypes.InvalidFilter);
    }

    [Theory]
    [InlineData("userName eq \"\\ud800\"")]
    [InlineData("userName eq \"\\udc00x\"")]
    [InlineData("userName eq \"a\\ud83d\"")]
    [InlineData("emails[value co \"\\ude00\"]")]
    public void A_lone_surrogate_is_invalidFilter_that_is_itself_valid_text(string text)
    {
        var result = FilterParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidFilter, result.Error.ScimType);
        Assert.Contains("lone UTF-16 surrogate", result.Error.Detail, StringComparison.Ordinal);
        Assert.Equal(-1, LoneSurrogates.IndexIn(result.Error.Detail));
    }

    [Fact]
    public void A_raw_lone_surrogate_is_invalidFilter_that_is_itself_valid_text()
    {
        foreach (var text in new[] { "userName eq \"" + '\ud800' + "\"", "userName eq " + '\udc00', "userName" + '\ud800' + " pr" })
        {
            var result = FilterParser.Parse(text);

            Assert.Equal(ScimErrorTypes.InvalidFilter, result.Error?.ScimType);
            Assert.Contains("lone UTF-16 surrogate", result.Error!.Detail, StringComparison.Ordinal);
            Assert.Equal(-1, LoneSurrogates.IndexIn(result.Error.Detail));
        }
    }

    [Theory]
    [InlineData("userName eq \"\\u0000\"")]
    [InlineData("userName eq \"a\0b\"")]
    [InlineData("userName eq a\0")]
    [InlineData("user\0Name pr")]
    [InlineData("emails[value co \"\\u0000\"]")]
    [InlineData("\0")]
    public void A_NUL_is_invalidFilter_whose_detail_holds_none(string text)
    {
        var result = FilterParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidFilter, result.Error.ScimType);
        Assert.Contains("U+0000", result.Error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("\0", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escaped_surrogate_pair_is_a_character()
    {
        var result = FilterParser.Parse("userName eq \"\\ud83d\\ude00\"");

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal("\U0001F600", ((ComparisonFilter)result.Value).Value.Text);
    }

    [Fact]
    public void An_error_detail_never_splits_a_surrogate_pair()
    {
        var text = "userName a" + string.Concat(Enumerable.Repeat("\U0001F600", 40));

        var result = FilterParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(-1, LoneSurrogates.IndexIn(result.Error.Detail));
    }

    private static int Terms(FilterNode node) => node switch
    {
        LogicalFilter logical => logical.FlattenOperands().Sum(Terms),
        NotFilter not => Terms(not.Inner),
        ValuePathFilter valuePath => Terms(valuePath.Filter),
        _ => 1,
    };

    private static ScimError? OnlyInvalidFilter(ScimResult<FilterNode> result)
    {
        if (result.IsSuccess)
        {
            return null;
        }

        return result.Error.ScimType == ScimErrorTypes.InvalidFilter
            ? result.Error
            : throw new InvalidOperationException($"Expected invalidFilter, got {result.Error.ScimType}: {result.Error.Detail}");
    }
}
