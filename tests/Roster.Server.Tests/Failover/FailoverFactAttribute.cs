using Roster.Directory.Tests.Support;

namespace Roster.Server.Tests.Failover;

/// <summary>
/// The failover test runs in every PostgreSQL pass (one failover; <c>ROSTER_FAILOVER_ROUNDS</c>
/// asks for more, 0 for none). It needs pg_auto_failover installed, as .ci/run does, and fails
/// saying so when it is not.
/// </summary>
public sealed class FailoverFactAttribute : FactAttribute
{
    public FailoverFactAttribute()
    {
        if (!TestStorage.IsPostgres)
        {
            Skip = "PostgreSQL only; it runs in the PostgreSQL pass.";
        }
        else if (Environment.GetEnvironmentVariable(FailoverSettings.RoundsVariable) == "0")
        {
            Skip = "ROSTER_FAILOVER_ROUNDS=0 leaves the failover out; see docs/operations.md.";
        }
    }
}
