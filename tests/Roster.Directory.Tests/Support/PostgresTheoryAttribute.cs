namespace Roster.Directory.Tests.Support;

/// <summary>A data-driven test of PostgreSQL itself: it runs in the PostgreSQL pass only.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (!TestStorage.IsPostgres)
        {
            Skip = "PostgreSQL-specific; it runs when scripts/test.sh runs the PostgreSQL pass (ROSTER_TEST_STORAGE=postgres).";
        }
    }
}
