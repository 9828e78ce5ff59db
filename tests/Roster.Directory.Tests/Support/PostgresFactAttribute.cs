namespace Roster.Directory.Tests.Support;

/// <summary>A test of PostgreSQL itself (its catalog, plans): it runs in the PostgreSQL pass only.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestStorage.IsPostgres)
        {
            Skip = "PostgreSQL-specific; it runs when scripts/test.sh runs the PostgreSQL pass (ROSTER_TEST_STORAGE=postgres).";
        }
    }
}
