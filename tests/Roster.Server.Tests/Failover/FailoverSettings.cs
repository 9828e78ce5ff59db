using System.Globalization;

namespace Roster.Server.Tests.Failover;

/// <summary>
/// How long the failover test runs: <c>ROSTER_FAILOVER_ROUNDS</c> failovers (1 by default; the long
/// run sets e.g. 5, the killed node rejoining as the standby each time), and
/// <c>ROSTER_FAILOVER_SEED</c> to replay a run's requests.
/// </summary>
public sealed record FailoverSettings(int Rounds, int Seed)
{
    public const string RoundsVariable = "ROSTER_FAILOVER_ROUNDS";
    public const string SeedVariable = "ROSTER_FAILOVER_SEED";

    public static FailoverSettings FromEnvironment() => new(Read(RoundsVariable) ?? 1, Read(SeedVariable) ?? Random.Shared.Next());

    private static int? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;
}
