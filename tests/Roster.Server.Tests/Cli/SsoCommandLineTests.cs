using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;

namespace Roster.Server.Tests.Cli;

/// <summary><c>roster sso</c> through the real process: connections, then "SSO only" with a break-glass administrator.</summary>
public sealed class SsoCommandLineTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("roster-cli-sso-").FullName;

    private string Data => Path.Combine(_directory, "roster.db");

    [SqliteFact]
    public async Task Sso_create_list_update_settings_and_delete()
    {
        var orgId = (await JsonAsync("init", "--data", Data, "--json"))["orgId"]!.GetValue<string>();
        var tooEarly = await RosterProcess.RunAsync("sso", "settings", "--data", Data, "--tenant", orgId, "--sso-only", "true");
        var created = await JsonAsync("sso", "create", "--data", Data, "--tenant", orgId, "--name", "Okta", "--issuer", "https://acme.okta.com", "--client-id", "roster", "--client-secret", "s3cret-value", "--json");
        var id = created["id"]!.GetValue<string>();
        var updated = await JsonAsync("sso", "update", "--data", Data, "--tenant", orgId, "--connection", "Okta", "--name", "Okta SSO", "--json");
        var listed = await RosterProcess.RunAsync("sso", "list", "--data", Data, "--tenant", orgId, "--json");
        var person = await JsonAsync("employees", "create", "--data", Data, "--tenant", orgId, "--email", "ops@example.com", "--first-name", "Ops", "--last-name", "Person", "--json");
        var noBreakGlass = await RosterProcess.RunAsync("sso", "settings", "--data", Data, "--tenant", orgId, "--sso-only", "true");
        var on = await JsonAsync("sso", "settings", "--data", Data, "--tenant", orgId, "--sso-only", "true", "--break-glass", person["id"]!.GetValue<string>(), "--json");
        var lastOne = await RosterProcess.RunAsync("sso", "delete", "--data", Data, "--tenant", orgId, "--connection", id);
        var off = await JsonAsync("sso", "settings", "--data", Data, "--tenant", orgId, "--sso-only", "false", "--json");
        var deleted = await RosterProcess.RunAsync("sso", "delete", "--data", Data, "--tenant", orgId, "--connection", "Okta SSO");

        Assert.Equal(2, tooEarly.ExitCode);
        Assert.Contains("needs an enabled SSO connection", tooEarly.Error, StringComparison.Ordinal);
        Assert.True(created["clientSecretSet"]!.GetValue<bool>());
        Assert.Equal("Okta SSO", updated["name"]!.GetValue<string>());
        Assert.DoesNotContain("s3cret-value", listed.Output, StringComparison.Ordinal);
        Assert.Equal($"sso:{id}", Assert.Single(JsonNode.Parse(listed.Output)!.AsArray())!["loginAuthenticator"]!.GetValue<string>());
        Assert.Equal(2, noBreakGlass.ExitCode);
        Assert.Contains("break-glass", noBreakGlass.Error, StringComparison.Ordinal);
        Assert.True(on["ssoOnly"]!.GetValue<bool>());
        Assert.Equal(person["id"]!.GetValue<string>(), Assert.Single(on["breakGlass"]!.AsArray())!.GetValue<string>());
        Assert.Equal(2, lastOne.ExitCode);
        Assert.False(off["ssoOnly"]!.GetValue<bool>());
        Assert.True(deleted.ExitCode == 0, deleted.Error);
    }

    [SqliteFact]
    public async Task Sso_settings_keep_the_last_break_glass_administrator()
    {
        var orgId = (await JsonAsync("init", "--data", Data, "--json"))["orgId"]!.GetValue<string>();
        await JsonAsync("sso", "create", "--data", Data, "--tenant", orgId, "--name", "Okta", "--issuer", "https://acme.okta.com", "--client-id", "roster", "--json");
        var admin = (await JsonAsync("employees", "create", "--data", Data, "--tenant", orgId, "--email", "admin@example.com", "--first-name", "Ada", "--last-name", "Admin", "--role", "Administrator", "--json"))["id"]!.GetValue<string>();
        var person = (await JsonAsync("employees", "create", "--data", Data, "--tenant", orgId, "--email", "ops@example.com", "--first-name", "Ops", "--last-name", "Person", "--json"))["id"]!.GetValue<string>();
        await JsonAsync("sso", "settings", "--data", Data, "--tenant", orgId, "--sso-only", "true", "--break-glass", admin, "--json");

        var refused = await RosterProcess.RunAsync("sso", "settings", "--data", Data, "--tenant", orgId, "--break-glass", person);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("admin@example.com", refused.Error, StringComparison.Ordinal);
        Assert.Contains("without a break-glass administrator who can sign in", refused.Error, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task Sso_settings_keep_the_break_glass_list_when_it_is_not_given()
    {
        var orgId = (await JsonAsync("init", "--data", Data, "--json"))["orgId"]!.GetValue<string>();
        await JsonAsync("sso", "create", "--data", Data, "--tenant", orgId, "--name", "Okta", "--issuer", "https://acme.okta.com", "--client-id", "roster", "--json");
        var admin = (await JsonAsync("employees", "create", "--data", Data, "--tenant", orgId, "--email", "admin@example.com", "--first-name", "Ada", "--last-name", "Admin", "--role", "Administrator", "--json"))["id"]!.GetValue<string>();
        await JsonAsync("sso", "settings", "--data", Data, "--tenant", orgId, "--sso-only", "true", "--break-glass", admin, "--json");

        var shown = await RosterProcess.RunAsync("sso", "settings", "--data", Data, "--tenant", orgId, "--json");
        var policyChanged = await RosterProcess.RunAsync("sso", "settings", "--data", Data, "--tenant", orgId, "--scim-requires-sso-only", "true", "--json");

        Assert.True(shown.ExitCode == 0, shown.Error);
        Assert.Equal(admin, Assert.Single(JsonNode.Parse(shown.Output)!["breakGlass"]!.AsArray())!.GetValue<string>());
        Assert.True(policyChanged.ExitCode == 0, policyChanged.Error);
        var changed = JsonNode.Parse(policyChanged.Output)!;
        Assert.True(changed["scimRequiresSsoOnly"]!.GetValue<bool>());
        Assert.Equal(admin, Assert.Single(changed["breakGlass"]!.AsArray())!.GetValue<string>());
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

    private static async Task<JsonObject> JsonAsync(params string[] args)
    {
        var (code, output, error) = await RosterProcess.RunAsync(args);
        Assert.True(code == 0, $"roster {string.Join(' ', args)} failed ({code}): {error}");
        return JsonNode.Parse(output)!.AsObject();
    }
}
