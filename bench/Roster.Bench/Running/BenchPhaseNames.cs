namespace Roster.Bench.Running;

/// <summary>The lower-case names phases have on the command line and in reports.</summary>
internal static class BenchPhaseNames
{
    public static string Of(BenchPhase phase)
    {
        return phase switch
        {
            BenchPhase.Create => "create",
            BenchPhase.Lookup => "lookup",
            BenchPhase.Get => "get",
            BenchPhase.Patch => "patch",
            BenchPhase.Groups => "groups",
            BenchPhase.Members => "members",
            BenchPhase.List => "list",
            BenchPhase.BigMember => "bigmember",
            BenchPhase.RoleMap => "rolemap",
            BenchPhase.Bulk => "bulk",
            _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown phase."),
        };
    }

    public static bool TryParse(string name, out BenchPhase phase)
    {
        foreach (BenchPhase candidate in Enum.GetValues<BenchPhase>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                phase = candidate;
                return true;
            }
        }

        phase = default;
        return false;
    }
}
