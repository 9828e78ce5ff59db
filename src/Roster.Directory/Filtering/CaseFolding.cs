using System.Text;
using Roster.Scim.Filtering;

namespace Roster.Directory.Filtering;

/// <summary>
/// How the database compares case-insensitive values: with the fold of
/// <see cref="ScimStringComparison"/>, computed in C# for stored keys (<c>user_name_key</c>)
/// and by a registered SQL function (<see cref="SqlFunctionName"/>) for document values, so the
/// database and the in-memory <see cref="FilterEvaluator"/> always agree.
/// </summary>
public static class CaseFolding
{
    /// <summary>The name of the SQL function that applies <see cref="Fold"/> in the database.</summary>
    public const string SqlFunctionName = "roster_fold";

    public static string Fold(string value) => ScimStringComparison.Fold(value, caseExact: false);

    /// <summary>
    /// The userName as its uniqueness key (<c>users.user_name_key</c>) and every comparison with
    /// that key hold it: fullwidth and halfwidth forms mapped to the ordinary characters they stand
    /// for (the width-mapping rule of PRECIS' UsernameCaseMapped profile, RFC 8265 section 3.3),
    /// then Unicode NFC, then <see cref="Fold"/>. So "Café" written composed or decomposed, and
    /// "ａｄａ" beside "ada", are one userName; other compatibility forms are kept apart (see
    /// docs/compatibility.md). A lone surrogate, which normalisation refuses, is folded as it is.
    /// </summary>
    public static string UserNameKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            return Fold(MapWidth(value).Normalize(NormalizationForm.FormC));
        }
        catch (ArgumentException)
        {
            return Fold(value);
        }
    }

    // The Halfwidth and Fullwidth Forms block and the ideographic space, each to its <wide> or <narrow> decomposition.
    private static string MapWidth(string value)
    {
        if (!value.Any(IsWidthForm))
        {
            return value;
        }

        var mapped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            mapped.Append(IsWidthForm(c) ? c.ToString().Normalize(NormalizationForm.FormKC) : c.ToString());
        }

        return mapped.ToString();
    }

    private static bool IsWidthForm(char c) => c is '\u3000' or (>= '\uFF01' and <= '\uFFEE');
}
