namespace Roster.Directory.Tests.Support;

/// <summary>A data-driven test of SQLite itself: it runs in the SQLite pass only.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestStorage.IsPostgres)
        {
            Skip = "SQLite-specific; the PostgreSQL pass has its own counterpart where it matters.";
        }
    }
}
