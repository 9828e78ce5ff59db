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
}
