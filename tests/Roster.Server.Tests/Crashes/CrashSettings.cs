using System.Globalization;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// How long the crash tests run: <c>ROSTER_CRASH_ROUNDS</c> kills (3 by default, a minute or so
/// per database; the long run sets e.g. 200), and <c>ROSTER_CRASH_SEED</c> to replay the kill
/// moments and requests of a run that failed (each run prints its seed).
/// </summary>
public sealed record CrashSettings(int Rounds, int Seed)
{
    public const string RoundsVariable = "ROSTER_CRASH_ROUNDS";
    public const string SeedVariable = "ROSTER_CRASH_SEED";

    public static CrashSettings FromEnvironment() => new(
        Read(RoundsVariable) ?? 3,
        Read(SeedVariable) ?? Random.Shared.Next());

    private static int? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
