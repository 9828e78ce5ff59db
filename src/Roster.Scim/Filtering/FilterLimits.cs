namespace Roster.Scim.Filtering;

/// <summary>
/// How large a filter the server parses: its length in characters, how deeply parentheses,
/// <c>not (...)</c> and brackets nest, and how many terms (comparisons and <c>pr</c> tests) it
/// holds. They bound the parser's work and stack, and the size of the query each row is tested
/// against, before any query runs; a filter over one is a 400 <c>invalidFilter</c> that names the limit.
/// </summary>
public sealed record FilterLimits
{
    /// <summary>10,000 characters, 64 levels, 500 terms.</summary>
    public static FilterLimits Default { get; } = new();

    /// <summary>The longest filter accepted, in characters.</summary>
    public int MaxLength { get; init; } = FilterParser.MaxLength;

    /// <summary>How deeply parentheses, <c>not (...)</c> and brackets may nest.</summary>
    public int MaxDepth { get; init; } = FilterParser.MaxDepth;

    /// <summary>
    /// How many terms (<c>userName eq "x"</c>, <c>title co "y"</c>, <c>emails pr</c>, also those
    /// inside brackets) a filter may hold.
    /// </summary>
    public int MaxTerms { get; init; } = FilterParser.MaxTerms;
}
