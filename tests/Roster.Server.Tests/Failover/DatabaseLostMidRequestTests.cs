using System.Net;
using Npgsql;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Failover;

/// <summary>
/// A primary that dies while a SCIM write runs: the write fails with the server's "terminating
/// connection" (57P01), and the refusal Roster then records for the console (scim_call_errors)
/// fails the same way, as every statement does until a new primary answers. The answer must still
/// be a whole SCIM 503 with <c>Retry-After</c>. Triggers of this test's tenant raise the error,
/// so the order of events is the same on every run; during a failover (pg_auto_failover, or
/// <c>pg_terminate_backend</c> in a loop) the same happens by chance.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class DatabaseLostMidRequestTests(RosterServerFixture server)
{
    [PostgresFact]
    public async Task A_write_and_its_error_record_both_cut_by_the_database_are_answered_503_with_Retry_After()
    {
        var tenant = await server.CreateTenantAsync();
        var user = (await tenant.Scim.CreateUserAsync("cut.mid.request@example.com")).Id();
        await ExecuteAsync($"""
            CREATE FUNCTION roster_test_cut_{tenant.OrgId:N}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'terminating connection due to administrator command' USING ERRCODE = '57P01'; END $$;
            CREATE TRIGGER cut_users_{tenant.OrgId:N} BEFORE UPDATE ON users FOR EACH ROW
              WHEN (NEW.tenant_id = '{tenant.OrgId}') EXECUTE FUNCTION roster_test_cut_{tenant.OrgId:N}();
            CREATE TRIGGER cut_errors_{tenant.OrgId:N} BEFORE INSERT ON scim_call_errors FOR EACH ROW
              WHEN (NEW.tenant_id = '{tenant.OrgId}') EXECUTE FUNCTION roster_test_cut_{tenant.OrgId:N}();
            """);
        try
        {
            using var patched = await tenant.Scim.PatchAsync($"Users/{user}",
                """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Cut"}]}""");

            // Before the fix the record's failure escaped the error writer: the 503 already sent was
            // cut off (or, not flushed yet, became an empty 500), so reading the body failed.
            var body = await patched.Content.ReadAsStringAsync();
            Assert.True(patched.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)patched.StatusCode}: {body}");
            Assert.Equal(TimeSpan.FromSeconds(2), patched.Headers.RetryAfter?.Delta);
            var error = System.Text.Json.Nodes.JsonNode.Parse(body)!;
            Assert.Equal("503", (string)error["status"]!);
            Assert.Contains("database cannot be reached", (string)error["detail"]!, StringComparison.Ordinal);
        }
        finally
        {
            await ExecuteAsync($"""
                DROP TRIGGER cut_users_{tenant.OrgId:N} ON users;
                DROP TRIGGER cut_errors_{tenant.OrgId:N} ON scim_call_errors;
                DROP FUNCTION roster_test_cut_{tenant.OrgId:N}();
                """);
        }

        // Nothing was written: the user is as it was, and the next request is served.
        using var read = await tenant.Scim.GetAsync($"Users/{user}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Null((await read.ReadObjectAsync())["title"]);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.Data) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
