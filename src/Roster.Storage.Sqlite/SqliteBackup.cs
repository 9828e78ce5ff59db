using Microsoft.Data.Sqlite;

namespace Roster.Storage.Sqlite;

/// <summary>
/// Copies of a SQLite directory with SQLite's online backup API, safe while Roster serves: the copy
/// is taken in one read transaction, so it is the database as it was at one moment, every commit
/// before it included; Roster's writers go on meanwhile (WAL). A backup is one self-contained file
/// (journal mode DELETE), readable only by its owner. A restore copies a backup into the database
/// the same way, so its WAL and shared-memory files stay consistent.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies <paramref name="database"/> (a path or connection string) to <paramref name="target"/>; returns the copy's integrity check.</summary>
    public static async Task<string> BackupAsync(string database, string target, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var full = Path.GetFullPath(target);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        File.Delete(partial);
        CreatePrivate(partial);
        await using (var source = await OpenAsync(SqliteConnectionStrings.From(database), cancellationToken))
        await using (var copy = await OpenAsync(Connection(partial), cancellationToken))
        {
            source.BackupDatabase(copy);
            await ExecuteAsync(copy, "PRAGMA journal_mode = DELETE", cancellationToken);
        }

        var integrity = await IntegrityCheckAsync(partial, cancellationToken);
        File.Move(partial, full, overwrite: true);
        return integrity;
    }

    /// <summary>Replaces the content of <paramref name="database"/> with the backup <paramref name="backup"/>, which must pass its integrity check.</summary>
    public static async Task RestoreAsync(string backup, string database, CancellationToken cancellationToken)
    {
        await using var source = await OpenAsync(Connection(backup, readOnly: true), cancellationToken);
        await using var target = await OpenAsync(SqliteConnectionStrings.From(database), cancellationToken);
        source.BackupDatabase(target);
    }

    /// <summary><c>PRAGMA integrity_check</c> of the file: "ok", or what is wrong.</summary>
    public static async Task<string> IntegrityCheckAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return $"{file} does not exist";
        }

        await using var connection = await OpenAsync(Connection(file, readOnly: true), cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var problems = new List<string>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                problems.Add(reader.GetString(0));
            }
        }
        catch (SqliteException e)
        {
            return e.Message;
        }

        return string.Join("; ", problems);
    }

    private static string Connection(string file, bool readOnly = false) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Pooling = false,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
    }.ToString();

    private static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);

        // Roster's own writers may hold the lock for a moment; wait as its CLI does.
        await ExecuteAsync(connection, "PRAGMA busy_timeout = 10000", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void CreatePrivate(string file)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var created = new FileStream(file, options);
    }
}
