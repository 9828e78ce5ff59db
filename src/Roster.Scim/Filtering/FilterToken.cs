namespace Roster.Scim.Filtering;

/// <summary>One token of filter text.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The token as written, or the decoded value of a string.</param>
/// <param name="Position">The 0-based index of the token's first character in the filter.</param>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position)
{
    /// <summary>True for a word equal to <paramref name="keyword"/>, ignoring case.</summary>
    public bool IsKeyword(string keyword) =>
        Kind == FilterTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the words <c>and</c> and <c>or</c>.</summary>
    public bool IsLogicalOperator => IsKeyword("and") || IsKeyword("or");
}
