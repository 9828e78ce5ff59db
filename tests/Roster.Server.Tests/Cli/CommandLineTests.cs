using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;

namespace Roster.Server.Tests.Cli;

/// <summary>The <c>roster</c> command as scripts use it: real process, real SQLite file.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("roster-cli-").FullName;

    private string Data => Path.Combine(_directory, "roster.db");

    [SqliteFact]
    public async Task Init_json_prints_org_id_base_url_and_token()
    {
        var (code, output, error) = await RosterProcess.RunAsync("init", "--data", Data, "--urls", "http://127.0.0.1:5999", "--json");

        Assert.True(code == 0, error);
        var result = JsonNode.Parse(output)!.AsObject();
        var orgId = Guid.Parse(result["orgId"]!.GetValue<string>());
        Assert.Equal($"http://127.0.0.1:5999/scim/v2/{orgId}", result["baseUrl"]!.GetValue<string>());
        Assert.StartsWith("roster_scim_", result["token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(File.Exists(Data));
    }

    [SqliteFact]
    public async Task Tokens_create_list_and_revoke()
    {
        var init = JsonNode.Parse((await RosterProcess.RunAsync("init", "--data", Data, "--json")).Output)!;
        var orgId = init["orgId"]!.GetValue<string>();

        var (code, output, _) = await RosterProcess.RunAsync("tokens", "create", "--data", Data, "--tenant", orgId, "--name", "Okta", "--expires-in-days", "30", "--json");
        var created = JsonNode.Parse(output)!;
        var list = JsonNode.Parse((await RosterProcess.RunAsync("tokens", "list", "--data", Data, "--tenant", orgId, "--json")).Output)!.AsArray();
        var revoke = await RosterProcess.RunAsync("tokens", "revoke", "--data", Data, "--tenant", orgId, "--id", created["id"]!.GetValue<string>());
        var after = JsonNode.Parse((await RosterProcess.RunAsync("tokens", "list", "--data", Data, "--tenant", orgId, "--json")).Output)!.AsArray();

        Assert.Equal(0, code);
        Assert.StartsWith("roster_scim_", created["token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(created["expires"]);
        Assert.Equal(2, list.Count);
        Assert.DoesNotContain(created["token"]!.GetValue<string>(), list.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, revoke.ExitCode);
        Assert.NotNull(after.Single(t => t!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>())!["revoked"]);
    }

    [SqliteFact]
    public async Task Tenants_create_and_list()
    {
        var created = JsonNode.Parse((await RosterProcess.RunAsync("tenants", "create", "--data", Data, "--name", "Acme", "--json")).Output)!;
        var list = JsonNode.Parse((await RosterProcess.RunAsync("tenants", "list", "--data", Data, "--json")).Output)!.AsArray();

        Assert.Equal("Acme", created["name"]!.GetValue<string>());
        Assert.Contains(list, t => t!["orgId"]!.GetValue<string>() == created["orgId"]!.GetValue<string>());
    }

    [SqliteFact]
    public async Task Tokens_for_an_unknown_tenant_fail_with_a_message()
    {
        var (code, _, error) = await RosterProcess.RunAsync("tokens", "create", "--data", Data, "--tenant", Guid.NewGuid().ToString());

        Assert.NotEqual(0, code);
        Assert.Contains("No tenant", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("init")]
    [InlineData("migrate")]
    [InlineData("tenants")]
    [InlineData("tokens")]
    public async Task Every_command_has_help(string command)
    {
        var (code, output, _) = await RosterProcess.RunAsync(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder; a locked file must not fail the run.
        }
    }
}
