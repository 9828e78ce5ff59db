namespace Roster.Scim.Filtering;

/// <summary>
/// How large a filter the server parses: its length in characters and how deeply parentheses,
/// <c>not (...)</c> and brackets nest. Both bound the parser's work and stack before any query
/// runs; a filter over either is a 400 <c>invalidFilter</c> that names the limit.
/// </summary>
public sealed record FilterLimits
{
    /// <summary>10,000 characters, 64 levels.</summary>
    public static FilterLimits Default { get; } = new();

    /// <summary>The longest filter accepted, in characters.</summary>
    public int MaxLength { get; init; } = FilterParser.MaxLength;

    /// <summary>How deeply parentheses, <c>not (...)</c> and brackets may nest.</summary>
    public int MaxDepth { get; init; } = FilterParser.MaxDepth;
}
