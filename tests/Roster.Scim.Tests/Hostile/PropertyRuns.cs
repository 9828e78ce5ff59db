using System.Globalization;

namespace Roster.Scim.Tests.Hostile;

/// <summary>
/// How many inputs each hostile-input property tries. The defaults keep the normal test run
/// short; <c>ROSTER_PROPERTY_RUNS=200000</c> (for example) runs every one of them that many
/// times for a long soak.
/// </summary>
internal static class PropertyRuns
{
    public const string Variable = "ROSTER_PROPERTY_RUNS";

    public static int Resolve(int defaultRuns) =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs > 0
            ? runs
            : defaultRuns;
}
