using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Roster.Server.Hosting;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// A write of a group's document sets only the indexed columns whose value changed: SQLite
/// rewrites the index entries of every column an UPDATE sets, even to the same value, and each
/// page it rewrites is a frame of the WAL. The proof: a trigger <c>BEFORE UPDATE OF external_id</c>,
/// which both databases fire whenever the column is set, whatever its value, refuses any write
/// that sets the test group's <c>external_id</c>. Renames by PATCH and by PUT that keep the
/// externalId go through; a change of the externalId is refused, so the trigger is in force.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class GroupColumnWriteTests(RosterServerFixture server)
{
    private const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Fact]
    public async Task A_rename_by_PATCH_or_PUT_does_not_set_the_unchanged_external_id()
    {
        var tenant = await server.CreateTenantAsync();
        var externalId = $"columns-{Guid.NewGuid():N}";
        var created = await tenant.Scim.PostAsync("Groups", ScimHttp.Json($$"""{"schemas":["{{GroupSchema}}"],"displayName":"Columns","externalId":"{{externalId}}"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = $"Groups/{(await created.ReadObjectAsync()).Id()}";
        await RefuseExternalIdWritesAsync(externalId);

        var patched = await tenant.Scim.PatchAsync(location, $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"displayName","value":"Columns renamed"}]}""");
        Assert.True(patched.IsSuccessStatusCode, $"The rename by PATCH was refused: {(int)patched.StatusCode} {await patched.Content.ReadAsStringAsync()}");
        var replaced = await tenant.Scim.PutAsync(location, ScimHttp.Json($$"""{"schemas":["{{GroupSchema}}"],"displayName":"Columns replaced","externalId":"{{externalId}}"}"""));
        Assert.True(replaced.IsSuccessStatusCode, $"The rename by PUT was refused: {(int)replaced.StatusCode} {await replaced.Content.ReadAsStringAsync()}");
        Assert.Equal("Columns replaced", (string)(await (await tenant.Scim.GetAsync(location)).ReadObjectAsync())["displayName"]!);

        var moved = await tenant.Scim.PatchAsync(location, $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"externalId","value":"{{externalId}}-moved"}]}""");
        Assert.False(moved.IsSuccessStatusCode, "A change of the externalId went through: the trigger is not in force.");
    }

    private async Task RefuseExternalIdWritesAsync(string externalId)
    {
        var name = "refuse_" + externalId.Replace("-", "_", StringComparison.Ordinal);
        var postgres = server.Storage.Provider == StorageProvider.Postgres;
        await using DbConnection connection = postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.Data) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = server.Storage.ConnectionString, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? $"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'external_id set'; END $$; " +
              $"CREATE TRIGGER {name} BEFORE UPDATE OF external_id ON groups FOR EACH ROW WHEN (OLD.external_id = '{externalId}') EXECUTE FUNCTION {name}();"
            : $"CREATE TRIGGER {name} BEFORE UPDATE OF external_id ON groups WHEN OLD.external_id = '{externalId}' BEGIN SELECT RAISE(ABORT, 'external_id set'); END;";
        await command.ExecuteNonQueryAsync();
    }
}
