namespace Roster.Directory.Tests.Support;

/// <summary>A test of SQLite itself (its files, pragmas, plans, write lock): it runs in the SQLite pass only.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestStorage.IsPostgres)
        {
            Skip = "SQLite-specific; the PostgreSQL pass has its own counterpart where it matters.";
        }
    }
}
