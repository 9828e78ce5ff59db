namespace Roster.Scim.Filtering;

/// <summary>
/// How Roster compares SCIM strings, in filters and uniqueness checks alike. When an attribute
/// is not <c>caseExact</c>, both sides are folded with <see cref="string.ToUpperInvariant()"/>;
/// ordering (<c>gt</c>, <c>lt</c>, <c>sortBy</c>) is by Unicode code point, which is the order
/// of the UTF-8 bytes, so SQLite's <c>BINARY</c> and PostgreSQL's <c>"C"</c> collation sort the
/// same way as this class. Databases should compare folded values computed here (e.g. stored in
/// a normalized column), not their own <c>lower()</c>/<c>upper()</c>, whose rules differ.
/// </summary>
public static class ScimStringComparison
{
    /// <summary>The form compared: the value itself when case-exact, else its invariant upper case.</summary>
    public static string Fold(string value, bool caseExact)
    {
        ArgumentNullException.ThrowIfNull(value);
        return caseExact ? value : value.ToUpperInvariant();
    }

    /// <summary>True when the two strings are equal under the attribute's case-exactness.</summary>
    public static bool AreEqual(string left, string right, bool caseExact) =>
        string.Equals(Fold(left, caseExact), Fold(right, caseExact), StringComparison.Ordinal);

    /// <summary>Orders two strings by code point, after folding when not case-exact.</summary>
    public static int Compare(string left, string right, bool caseExact) =>
        CompareByCodePoint(Fold(left, caseExact), Fold(right, caseExact));

    /// <summary>
    /// Ordinal comparison of UTF-16 strings in code point order: the two differ only when a
    /// surrogate (U+D800-U+DFFF) meets a character in U+E000-U+FFFF, which UTF-16 order puts
    /// the wrong way round; shifting both ranges fixes that.
    /// </summary>
    internal static int CompareByCodePoint(string left, string right)
    {
        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            int a = left[i];
            int b = right[i];
            if (a == b)
            {
                continue;
            }

            if (a >= 0xD800 && b >= 0xD800)
            {
                a = a >= 0xE000 ? a - 0x800 : a + 0x2000;
                b = b >= 0xE000 ? b - 0x800 : b + 0x2000;
            }

            return a.CompareTo(b);
        }

        return left.Length.CompareTo(right.Length);
    }
}
