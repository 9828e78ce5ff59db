namespace Roster.Scim.Filtering;

/// <summary>What a <see cref="FilterToken"/> is.</summary>
internal enum FilterTokenKind
{
    /// <summary>A run of characters up to whitespace, a bracket, a parenthesis or a quote: an
    /// attribute path, an operator, a keyword, a number or an unquoted value.</summary>
    Word,

    /// <summary>A double-quoted JSON string; the token's text is the decoded value.</summary>
    String,

    OpenParenthesis,
    CloseParenthesis,
    OpenBracket,
    CloseBracket,
    End,
}
