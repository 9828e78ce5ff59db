using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Events;

namespace Roster.Server.Tests.Cli;

/// <summary><c>roster webhooks</c> and <c>roster events</c> through the real process, on its own SQLite file.</summary>
public sealed class WebhookCommandLineTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("roster-cli-webhooks-").FullName;

    private string Data => Path.Combine(_directory, "roster.db");

    // The receiver listens on loopback: the operator allows it, as for an internal receiver.
    private static Dictionary<string, string> Environment => new() { ["Roster__Webhooks__AllowedNetworks"] = "127.0.0.0/8" };

    [SqliteFact]
    public async Task The_operator_registers_tests_rotates_and_deletes_an_endpoint_and_reads_the_feed()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        var orgId = (string)JsonNode.Parse((await RosterProcess.RunAsync("init", "--data", Data, "--json")).Output)!["orgId"]!;

        var created = await JsonAsync("webhooks", "create", "--data", Data, "--tenant", orgId, "--url", receiver.Url, "--event-type", "user.*", "--event-type", "group.*", "--json");
        var id = (string)created["id"]!;
        Assert.StartsWith("whsec_", (string)created["secret"]!, StringComparison.Ordinal);
        var listed = (await JsonAsync("webhooks", "list", "--data", Data, "--tenant", orgId, "--json")).AsArray();
        Assert.DoesNotContain((string)created["secret"]!, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["user.*", "group.*"], listed.Single()!["eventTypes"]!.AsArray().Select(t => (string)t!));

        var tested = await JsonAsync("webhooks", "test", "--data", Data, "--tenant", orgId, "--id", id, "--json");
        Assert.True((bool)tested["succeeded"]!, tested.ToJsonString());
        Assert.True((await StandardWebhooksCheck.VerifyAsync((string)created["secret"]!, Assert.Single(receiver.Received))).Verified);
        var log = (await JsonAsync("webhooks", "attempts", "--data", Data, "--tenant", orgId, "--id", id, "--json")).AsArray();
        Assert.Equal("webhook.test", (string)log.Single()!["type"]!);

        var rotated = await JsonAsync("webhooks", "rotate-secret", "--data", Data, "--tenant", orgId, "--id", id, "--keep-previous-hours", "1", "--json");
        Assert.NotEqual((string)created["secret"]!, (string)rotated["secret"]!);
        var disabled = await JsonAsync("webhooks", "update", "--data", Data, "--tenant", orgId, "--id", id, "--enabled", "false", "--json");
        Assert.False((bool)disabled["enabled"]!);

        var (code, feed, next) = await RosterProcess.RunAsync(Environment, "events", "list", "--data", Data, "--tenant", orgId, "--type", "webhook.*");
        Assert.True(code == 0, next);
        Assert.Equal(["webhook.endpoint.created", "webhook.endpoint.updated", "webhook.endpoint.updated"],
            feed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (string)JsonNode.Parse(line)!["type"]!));
        Assert.Contains("next cursor", next, StringComparison.Ordinal);

        Assert.Equal(0, (await RosterProcess.RunAsync(Environment, "webhooks", "delete", "--data", Data, "--tenant", orgId, "--id", id)).ExitCode);
        var refused = await RosterProcess.RunAsync(Environment, "webhooks", "create", "--data", Data, "--tenant", orgId, "--url", "http://169.254.169.254/");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("link-local", refused.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    private static async Task<JsonNode> JsonAsync(params string[] args)
    {
        var (code, output, error) = await RosterProcess.RunAsync(Environment, args);
        Assert.True(code == 0, $"roster {string.Join(' ', args)} failed ({code}): {error}");
        return JsonNode.Parse(output)!;
    }
}
