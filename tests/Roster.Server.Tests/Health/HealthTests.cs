using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Server.Health;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Health;

/// <summary>The probes a load balancer and an orchestrator use, on a server of their own (one test removes a migration).</summary>
public sealed class HealthTests(RosterServerFixture server) : IClassFixture<RosterServerFixture>
{
    [Fact]
    public async Task Live_answers_200_with_the_version_and_asks_no_check()
    {
        using var client = server.CreateClient(null);
        var live = await client.GetAsync(new Uri("health/live", UriKind.Relative));
        var body = JsonNode.Parse(await live.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("live", (string?)body["status"]);
        Assert.Equal(RosterVersion.Current, (string?)body["version"]);
        Assert.Null(body["checks"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Ready_answers_200_when_the_database_schema_and_keys_are_fine()
    {
        using var client = server.CreateClient(null);
        var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
        var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", (string?)body["status"]);
        Assert.Contains("+", RosterVersion.Current, StringComparison.Ordinal);
        Assert.Equal(RosterVersion.Current, (string?)body["version"]);
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
        foreach (var check in new[] { "database", "keys", "shutdown" })
        {
            Assert.Equal("ok", (string?)body["checks"]![check]);
        }
    }

    [Fact]
    public async Task Ready_answers_503_while_a_migration_is_pending_and_200_again_once_applied()
    {
        using var client = server.CreateClient(null);
        var database = server.Services.GetRequiredService<DirectoryDatabase>();
        string last;
        await using (var context = database.CreateContext(Guid.Empty))
        {
            last = context.Database.GetMigrations().Last();
            await context.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
        }

        var behind = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
        var body = JsonNode.Parse(await behind.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
        Assert.Equal("not ready", (string?)body["status"]);
        Assert.Equal("schema behind: 1 migrations pending", (string?)body["checks"]!["database"]);

        await using (var context = database.CreateContext(Guid.Empty))
        {
            var version = typeof(DbContext).Assembly.GetName().Version!.ToString(3);
            await context.Database.ExecuteSqlAsync($"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({last}, {version})");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode);
    }
}
