using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Roster.Server.Hosting;

namespace Roster.Server.Tests.OAuth;

/// <summary>An OAuth client's row in <c>oauth_applications</c>, every column as stored, read straight from the database.</summary>
public static class StoredClient
{
    public static async Task<string> ReadAsync(RosterStorage storage, string clientId)
    {
        ArgumentNullException.ThrowIfNull(storage);
        await using DbConnection connection = storage.SqliteDatabase is { } file
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file }.ToString())
            : new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM oauth_applications WHERE client_id = @client_id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@client_id";
        parameter.Value = clientId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No OAuth client {clientId} is stored.");
        var row = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return row.ToString();
    }
}
