using System.Text;
using Npgsql;
using Roster.Server.Hosting;

namespace Roster.Server.Tests.Security;

/// <summary>
/// Everything a Roster database holds, as text to search: on SQLite the bytes of the database
/// file and its write-ahead log (deleted rows and old pages included); on PostgreSQL every row of
/// every table in its text form.
/// </summary>
public static class StoredText
{
    public static async Task<string> ReadAsync(RosterStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.SqliteDatabase is { } file)
        {
            var text = new StringBuilder();
            foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.Latin1);
                text.Append(await reader.ReadToEndAsync());
            }

            return text.ToString();
        }

        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" AS t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Append(table).Append(": ").AppendLine(reader.GetString(0));
            }
        }

        return rows.ToString();
    }
}
