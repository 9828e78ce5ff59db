using Microsoft.Data.Sqlite;

namespace Roster.Storage.Sqlite;

/// <summary>Turns the operator's setting (a file path or a full connection string) into a connection string.</summary>
public static class SqliteConnectionStrings
{
    /// <summary>
    /// A path (<c>roster.db</c>, <c>/var/lib/roster/roster.db</c>) or a connection string
    /// (<c>Data Source=roster.db;...</c>). The file's folder is created if missing; SQLite creates the file.
    /// </summary>
    public static string From(string pathOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrConnectionString);
        var builder = pathOrConnectionString.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(pathOrConnectionString)
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString };
        builder.Pooling = true;

        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
        if (!inMemory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                System.IO.Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }
}
