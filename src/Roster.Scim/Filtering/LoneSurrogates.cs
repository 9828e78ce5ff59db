namespace Roster.Scim.Filtering;

/// <summary>
/// Finds UTF-16 surrogates that are not half of a pair. A filter's <c>\uD800</c> escape decodes
/// to one; no database can store or compare it (PostgreSQL's UTF-8 encoding has no form for it),
/// so the parser refuses it, as RFC 8259 section 8.2 leaves its meaning unpredictable.
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>The index of the first lone surrogate in <paramref name="text"/>, or -1.</summary>
    public static int IndexIn(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
