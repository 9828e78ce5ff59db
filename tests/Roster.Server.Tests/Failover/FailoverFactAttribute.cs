using Roster.Directory.Tests.Support;

namespace Roster.Server.Tests.Failover;

/// <summary>
/// The failover test runs only when asked for (<c>ROSTER_FAILOVER_ROUNDS</c> set) in the
/// PostgreSQL pass: under a kill of the primary some PATCHes are still answered 500 with an empty
/// body, a defect not found yet, so the test fails in some runs and cannot guard the default run
/// until that is fixed (docs/operations.md, "High availability").
/// </summary>
public sealed class FailoverFactAttribute : FactAttribute
{
    public FailoverFactAttribute()
    {
        if (!TestStorage.IsPostgres)
        {
            Skip = "PostgreSQL only; it runs in the PostgreSQL pass when ROSTER_FAILOVER_ROUNDS is set.";
        }
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(FailoverSettings.RoundsVariable)))
        {
            Skip = "Set ROSTER_FAILOVER_ROUNDS (e.g. 1) to run the failover under load; see docs/operations.md.";
        }
    }
}
