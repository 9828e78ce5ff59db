using Roster.Scim.Errors;

namespace Roster.Scim.Filtering;

/// <summary>
/// Builds the <c>invalidFilter</c> errors of the filter parser, so that every one says what was
/// expected, at which 1-based character position, and shows the text found there.
/// </summary>
internal static class FilterSyntaxErrors
{
    private const int ExcerptLength = 24;

    /// <summary>An error at <paramref name="position"/> (0-based) of <paramref name="source"/>.</summary>
    public static ScimException At(string source, int position, string message)
    {
        if (position >= source.Length)
        {
            return new ScimException(ScimError.InvalidFilter($"{message} at position {position + 1} (the end of the filter)."));
        }

        var excerpt = source.Length - position > ExcerptLength
            ? string.Concat(Cut(source.AsSpan(position), ExcerptLength), "...")
            : source[position..];
        return new ScimException(ScimError.InvalidFilter($"{message} at position {position + 1}, near '{excerpt}'."));
    }

    /// <summary>
    /// <paramref name="text"/> cut to a length fit for an error detail: filters reach 10,000
    /// characters and an echoed token must not make the response that long.
    /// </summary>
    public static string Shorten(string text) =>
        text.Length > ExcerptLength * 2 ? string.Concat(Cut(text, ExcerptLength * 2), "...") : text;

    /// <summary>An error at <paramref name="token"/>.</summary>
    public static ScimException At(string source, FilterToken token, string message) =>
        At(source, token.Position, message);

    /// <summary>The first <paramref name="length"/> characters, one fewer if that would split a surrogate pair.</summary>
    private static ReadOnlySpan<char> Cut(ReadOnlySpan<char> text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
