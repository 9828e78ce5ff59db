using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Roster.Directory.Database;
using Roster.Server.Hosting;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// A PATCH is read and computed before it takes the tenant's write lock (SQLite: the process's
/// one write gate, which every tenant shares; PostgreSQL: the tenant's advisory lock), then
/// stored if the resource did not change meanwhile. The proof: while a test holds that lock, a
/// PATCH that its computation refuses is answered, and a valid one waits only to be stored.
/// Concurrent PATCHes still lose no update and no member.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class PatchBeforeTheWriteGateTests(RosterServerFixture server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_PATCH_is_computed_while_another_writer_holds_the_write_lock()
    {
        var tenant = await server.CreateTenantAsync();
        var emails = new JsonArray([.. Enumerable.Range(0, 100).Select(i => (JsonNode)new JsonObject { ["value"] = $"mail{i}@example.com" })]);
        var user = await (await tenant.Scim.PostAsync("Users", ScimHttp.Json(new JsonObject { ["userName"] = "gate@example.com", ["emails"] = emails }))).ReadObjectAsync();
        var location = $"Users/{user.Id()}";
        var version = await ScimErrorAssert.VersionAsync(tenant.Scim, location);
        var ops = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)new JsonObject { ["op"] = "replace", ["path"] = $"emails[value eq \"mail{i % 100}@example.com\"].type", ["value"] = "work" })]);

        Task<HttpResponseMessage> valid, overTheLimit, badPath;
        await using (await HoldWritesAsync(tenant.OrgId))
        {
            overTheLimit = Patch(tenant, location, """{"Operations":[{"op":"add","path":"emails","value":[{"value":"one-too-many@example.com"}]}]}""");
            badPath = Patch(tenant, location, """{"Operations":[{"op":"replace","path":"name.nickname.x","value":"y"}]}""");
            valid = Patch(tenant, location, new JsonObject { ["Operations"] = ops }.ToJsonString());

            // Refused by the computation: answered while the lock is held (the answer is recorded after).
            Assert.Same(overTheLimit, await Task.WhenAny(overTheLimit, Task.Delay(Patience)));
            Assert.Same(badPath, await Task.WhenAny(badPath, Task.Delay(Patience)));
            Assert.Equal(HttpStatusCode.BadRequest, (await overTheLimit).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await badPath).StatusCode);
            Assert.False(valid.IsCompleted, "a valid PATCH was stored while the write lock was held");
            Assert.Equal(version, await ScimErrorAssert.VersionAsync(tenant.Scim, location));
        }

        Assert.Equal(HttpStatusCode.OK, (await valid).StatusCode);
        var error = await ScimErrorAssert.ClientErrorAsync(await overTheLimit, HttpStatusCode.BadRequest, "invalidValue", "101st email");
        Assert.Contains("'emails' would hold 101 values", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("at most 100", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_PATCHes_of_one_user_lose_no_update()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("concurrent@example.com");
        var location = $"Users/{user.Id()}";

        // As many as a PATCH has attempts: each attempt that finds the user changed saw another one stored.
        var responses = await Task.WhenAll(Enumerable.Range(0, Roster.Directory.Database.DirectoryDatabase.WriteAttempts).Select(i => tenant.Scim.PatchAsync(
            location, $$"""{"Operations":[{"op":"add","path":"emails","value":[{"value":"concurrent{{i}}@example.com"}]}]}""")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = await (await tenant.Scim.GetAsync(location)).ReadObjectAsync();
        Assert.Equal(
            Enumerable.Range(0, DirectoryDatabase.WriteAttempts).Select(i => $"concurrent{i}@example.com").Order(StringComparer.Ordinal),
            stored["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal($"W/\"{1 + DirectoryDatabase.WriteAttempts}\"", stored["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Renames_and_member_adds_sent_at_once_to_one_group_lose_no_member()
    {
        var tenant = await server.CreateTenantAsync();
        var group = await tenant.Scim.CreateGroupAsync("Before");
        var location = $"Groups/{group.Id()}";
        var users = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            users.Add((await tenant.Scim.CreateUserAsync($"member{i}@example.com")).Id());
        }

        var renames = Enumerable.Range(0, 4).Select(i => tenant.Scim.PatchAsync(location, $$"""{"Operations":[{"op":"replace","path":"displayName","value":"Renamed {{i}}"}]}"""));
        var adds = users.Select(id => tenant.Scim.PatchAsync(location, $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{id}}"}]}]}"""));
        var responses = await Task.WhenAll(renames.Concat(adds));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        var stored = await (await tenant.Scim.GetAsync(location)).ReadObjectAsync();
        Assert.Equal(users.Order(StringComparer.Ordinal), stored["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.StartsWith("Renamed ", stored["displayName"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("W/\"25\"", stored["meta"]!["version"]!.GetValue<string>());
    }

    /// <summary>The request is sent; its task completes as soon as the answer's status and headers arrive.</summary>
    private static Task<HttpResponseMessage> Patch(TenantClient tenant, string location, string json) =>
        tenant.Scim.SendAsync(new HttpRequestMessage(HttpMethod.Patch, location) { Content = ScimHttp.Json(json) }, HttpCompletionOption.ResponseHeadersRead);

    /// <summary>Takes what every write of the tenant waits for: SQLite's write gate, or the tenant's PostgreSQL advisory lock.</summary>
    private async Task<IAsyncDisposable> HoldWritesAsync(Guid tenantId)
    {
        if (server.Storage.Provider == StorageProvider.Postgres)
        {
            // Not pooled: closing it ends the session and so releases the lock.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.Data) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(CAST(@tenant AS text), 0))", connection);
            command.Parameters.AddWithValue("tenant", tenantId);
            await command.ExecuteNonQueryAsync();
            return connection;
        }

        return new Held(await server.Services.GetRequiredService<IWriteGate>().EnterAsync(CancellationToken.None));
    }

    private sealed class Held(IDisposable gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
