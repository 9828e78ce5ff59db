using System.Globalization;
using System.Text;

namespace Roster.Scim.Filtering;

/// <summary>
/// Splits filter text into tokens. Strings are decoded here (JSON escapes, RFC 7644 section
/// 3.4.2.2: "String literals MUST be valid JSON strings"); everything else between delimiters is
/// a word whose meaning the parser decides from where it stands.
/// </summary>
internal static class FilterLexer
{
    /// <summary>The tokens of <paramref name="source"/>, ending with one <see cref="FilterTokenKind.End"/>.</summary>
    /// <exception cref="Errors.ScimException">An unterminated string or an invalid escape.</exception>
    public static List<FilterToken> Tokenize(string source)
    {
        var lone = LoneSurrogates.IndexIn(source);
        if (lone >= 0)
        {
            // Not quoted back: the error detail must itself be valid UTF-16 to be written as JSON.
            throw new Errors.ScimException(Errors.ScimError.InvalidFilter(string.Create(
                CultureInfo.InvariantCulture,
                $"The filter has a lone UTF-16 surrogate (U+{(int)source[lone]:X4}), which is not a character, at position {lone + 1}.")));
        }

        var nul = source.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            // Not quoted back either: PostgreSQL cannot hold it, and the detail may be recorded there.
            throw new Errors.ScimException(Errors.ScimError.InvalidFilter(string.Create(
                CultureInfo.InvariantCulture,
                $"The filter holds U+0000 (a NUL character) at position {nul + 1}; no attribute can hold it.")));
        }

        var tokens = new List<FilterToken>();
        var index = 0;
        while (true)
        {
            while (index < source.Length && char.IsWhiteSpace(source[index]))
            {
                index++;
            }

            if (index >= source.Length)
            {
                tokens.Add(new FilterToken(FilterTokenKind.End, "", source.Length));
                return tokens;
            }

            var kind = source[index] switch
            {
                '(' => FilterTokenKind.OpenParenthesis,
                ')' => FilterTokenKind.CloseParenthesis,
                '[' => FilterTokenKind.OpenBracket,
                ']' => FilterTokenKind.CloseBracket,
                '"' => FilterTokenKind.String,
                _ => FilterTokenKind.Word,
            };

            switch (kind)
            {
                case FilterTokenKind.String:
                    tokens.Add(ReadString(source, ref index));
                    break;
                case FilterTokenKind.Word:
                    tokens.Add(ReadWord(source, ref index));
                    break;
                default:
                    tokens.Add(new FilterToken(kind, source[index].ToString(), index));
                    index++;
                    break;
            }
        }
    }

    /// <summary>True for the characters that end a word.</summary>
    public static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or '"';

    private static FilterToken ReadWord(string source, ref int index)
    {
        var start = index;
        while (index < source.Length && !IsDelimiter(source[index]))
        {
            index++;
        }

        return new FilterToken(FilterTokenKind.Word, source[start..index], start);
    }

    private static FilterToken ReadString(string source, ref int index)
    {
        var start = index;
        var value = new StringBuilder();
        index++;
        while (true)
        {
            if (index >= source.Length)
            {
                throw FilterSyntaxErrors.At(source, start, "Unterminated string: the '\"' here is never closed");
            }

            var c = source[index];
            if (c == '"')
            {
                index++;
                var text = value.ToString();
                if (LoneSurrogates.IndexIn(text) >= 0)
                {
                    throw FilterSyntaxErrors.At(
                        source,
                        start,
                        "The string has a \\u escape of a lone UTF-16 surrogate, which is not a character (a surrogate must be followed by its pair, as in \\ud83d\\ude00)");
                }

                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    throw FilterSyntaxErrors.At(source, start, "The string has a \\u0000 escape, U+0000 (a NUL character), which no attribute can hold");
                }

                return new FilterToken(FilterTokenKind.String, text, start);
            }

            if (c != '\\')
            {
                value.Append(c);
                index++;
                continue;
            }

            if (index + 1 >= source.Length)
            {
                throw FilterSyntaxErrors.At(source, start, "Unterminated string: the '\"' here is never closed");
            }

            var escape = source[index + 1];
            switch (escape)
            {
                case '"' or '\\' or '/':
                    value.Append(escape);
                    break;
                case 'b':
                    value.Append('\b');
                    break;
                case 'f':
                    value.Append('\f');
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'u':
                    value.Append(ReadUnicodeEscape(source, index));
                    index += 4;
                    break;
                default:
                    throw FilterSyntaxErrors.At(
                        source,
                        index,
                        $"Invalid escape '\\{escape}' in a string (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)");
            }

            index += 2;
        }
    }

    private static char ReadUnicodeEscape(string source, int backslash)
    {
        var digits = backslash + 2;
        if (digits + 4 > source.Length
            || !ushort.TryParse(source.AsSpan(digits, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw FilterSyntaxErrors.At(source, backslash, "Invalid escape: '\\u' must be followed by four hexadecimal digits");
        }

        return (char)code;
    }
}
