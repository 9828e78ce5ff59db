using System.Globalization;
using System.Text;

namespace Roster.Directory.Resources;

/// <summary>
/// The characters an identifier (a userName, an email address) may not hold because a person
/// cannot see them, so that two values that look the same are the same: controls, format
/// characters (zero-width spaces and joiners, bidi controls, the byte-order mark), separators
/// other than the ASCII space (the no-break spaces, the ideographic space), the rest of Unicode's
/// default-ignorable code points (Hangul fillers, variation selectors, tags), private-use and
/// unassigned code points, and lone surrogates. PRECIS (RFC 8264 section 9) disallows the same
/// classes in identifiers.
/// </summary>
public static class InvisibleCharacters
{
    /// <summary>The first such character of <paramref name="text"/> as <c>U+XXXX</c>, or null when there is none.</summary>
    /// <param name="text">The value to check.</param>
    /// <param name="spaceAllowed">Whether the ASCII space (U+0020) may appear (a userName may hold one; an email address may not).</param>
    public static string? FirstIn(string text, bool spaceAllowed)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) != System.Buffers.OperationStatus.Done)
            {
                return Name(text[i]);
            }

            if (IsInvisible(rune, spaceAllowed))
            {
                return Name(rune.Value);
            }

            i += length;
        }

        return null;
    }

    /// <summary>A code point as people look it up: <c>U+00A0</c>.</summary>
    public static string Name(int codePoint) => "U+" + codePoint.ToString(codePoint > 0xFFFF ? "X5" : "X4", CultureInfo.InvariantCulture);

    private static bool IsInvisible(Rune rune, bool spaceAllowed)
    {
        if (rune.Value == ' ')
        {
            return !spaceAllowed;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate => true,
            _ => IsDefaultIgnorable(rune.Value),
        };
    }

    // The default-ignorable code points (Unicode's DerivedCoreProperties) that are not format characters.
    private static bool IsDefaultIgnorable(int c) =>
        c is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F) or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0
            or (>= 0xE0000 and <= 0xE0FFF)
            or 0x2800; // BRAILLE PATTERN BLANK: not ignorable, but drawn as nothing.
}
