namespace Roster.Directory.Tests.Support;

/// <summary>
/// The database the integration tests run on, chosen by the test script: <c>ROSTER_TEST_STORAGE</c>
/// is <c>sqlite</c> (the default: a fresh file per test) or <c>postgres</c> (a fresh database per
/// test on the server of <c>ROSTER_TEST_POSTGRES</c>, see <see cref="PostgresTestDatabase"/>).
/// </summary>
public static class TestStorage
{
    public const string ProviderVariable = "ROSTER_TEST_STORAGE";

    public static bool IsPostgres { get; } = Read();

    private static bool Read()
    {
        var value = Environment.GetEnvironmentVariable(ProviderVariable);
        return value?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => false,
            "POSTGRES" or "POSTGRESQL" => true,
            _ => throw new InvalidOperationException($"{ProviderVariable} must be 'sqlite' or 'postgres', not '{value}'."),
        };
    }
}
