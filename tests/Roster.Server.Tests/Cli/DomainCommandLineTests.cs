using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;

namespace Roster.Server.Tests.Cli;

/// <summary><c>roster domains</c> and <c>scim-settings set --enforce-verified-domains</c> through the real process, verifying against dnsmasq.</summary>
public sealed class DomainCommandLineTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("roster-cli-domains-").FullName;

    private string Data => Path.Combine(_directory, "roster.db");

    [SqliteFact]
    public async Task Domains_add_list_verify_remove_with_the_DNS_server_from_the_environment()
    {
        var orgId = await InitAsync();

        var added = await JsonAsync("domains", "add", "--data", Data, "--tenant", orgId, "--domain", "Bücher.test", "--json");
        await using var dns = await DnsmasqServer.StartAsync((added["recordName"]!.GetValue<string>(), added["recordValue"]!.GetValue<string>()));
        var environment = new Dictionary<string, string> { ["Roster__Dns__Servers"] = $"127.0.0.1:{dns.Port}" };
        var (code, output, error) = await RosterProcess.RunAsync(environment, "domains", "verify", "--data", Data, "--tenant", orgId, "--domain", "bücher.test", "--json");
        var listed = JsonNode.Parse((await RosterProcess.RunAsync("domains", "list", "--data", Data, "--tenant", orgId, "--json")).Output)!.AsArray();
        var removed = await JsonAsync("domains", "remove", "--data", Data, "--tenant", orgId, "--domain", added["id"]!.GetValue<string>(), "--json");
        var after = await RosterProcess.RunAsync("domains", "list", "--data", Data, "--tenant", orgId, "--json");

        Assert.Equal("xn--bcher-kva.test", added["domain"]!.GetValue<string>());
        Assert.Equal("_roster-challenge.xn--bcher-kva.test", added["recordName"]!.GetValue<string>());
        Assert.True(code == 0, error);
        Assert.True(JsonNode.Parse(output)!["found"]!.GetValue<bool>());
        Assert.True(Assert.Single(listed)!["verified"]!.GetValue<bool>());
        Assert.Equal("xn--bcher-kva.test", removed["domain"]!.GetValue<string>());
        Assert.Equal("[]", JsonNode.Parse(after.Output)!.ToJsonString());
    }

    [SqliteFact]
    public async Task Verify_without_the_record_exits_3_saying_what_was_found()
    {
        var orgId = await InitAsync();
        var added = await JsonAsync("domains", "add", "--data", Data, "--tenant", orgId, "--domain", "acme.test", "--json");
        await using var dns = await DnsmasqServer.StartAsync((added["recordName"]!.GetValue<string>(), "something else"));
        var environment = new Dictionary<string, string> { ["Roster__Dns__Servers"] = $"127.0.0.1:{dns.Port}" };

        var (code, _, error) = await RosterProcess.RunAsync(environment, "domains", "verify", "--data", Data, "--tenant", orgId, "--domain", "acme.test");
        var duplicate = await RosterProcess.RunAsync("domains", "add", "--data", Data, "--tenant", orgId, "--domain", "ACME.test");

        Assert.Equal(3, code);
        Assert.Contains("found: 'something else'", error, StringComparison.Ordinal);
        Assert.Contains(added["recordValue"]!.GetValue<string>(), error, StringComparison.Ordinal);
        Assert.Equal(2, duplicate.ExitCode);
        Assert.Contains("already added", duplicate.Error, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task Scim_settings_set_turns_domain_enforcement_on_and_off()
    {
        var orgId = await InitAsync();

        var on = await JsonAsync("scim-settings", "set", "--data", Data, "--tenant", orgId, "--enforce-verified-domains", "true", "--json");
        var kept = await JsonAsync("scim-settings", "set", "--data", Data, "--tenant", orgId, "--names-not-updatable", "true", "--json");
        var off = await JsonAsync("scim-settings", "set", "--data", Data, "--tenant", orgId, "--enforce-verified-domains", "false", "--json");

        Assert.True(on["enforceVerifiedDomains"]!.GetValue<bool>());
        Assert.True(kept["enforceVerifiedDomains"]!.GetValue<bool>());
        Assert.False(off["enforceVerifiedDomains"]!.GetValue<bool>());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }

    private async Task<string> InitAsync() =>
        (await JsonAsync("init", "--data", Data, "--json"))["orgId"]!.GetValue<string>();

    private static async Task<JsonObject> JsonAsync(params string[] args)
    {
        var (code, output, error) = await RosterProcess.RunAsync(args);
        Assert.True(code == 0, $"roster {string.Join(' ', args)} failed ({code}): {error}");
        return JsonNode.Parse(output)!.AsObject();
    }
}
