using Npgsql;

namespace Roster.Server.Tests.Backups;

/// <summary>
/// Every table of a Roster database with its row count and an MD5 of all its rows (their text
/// form, sorted, so the physical order a restore chose does not matter): equal snapshots mean
/// equal contents, documents, hashes and keys included.
/// </summary>
public sealed record TableSnapshot(string Table, long Rows, string Checksum)
{
    public static async Task<IReadOnlyList<TableSnapshot>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshots = new List<TableSnapshot>();
        foreach (var table in tables)
        {
            var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var command = new NpgsqlCommand($"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE \"C\"), '')) FROM {quoted} t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            snapshots.Add(new TableSnapshot(table, reader.GetInt64(0), reader.GetString(1)));
        }

        return snapshots;
    }
}
