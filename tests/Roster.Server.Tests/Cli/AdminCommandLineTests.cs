using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;

namespace Roster.Server.Tests.Cli;

/// <summary>The operator's role, SCIM settings and audit commands through the real process.</summary>
public sealed class AdminCommandLineTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("roster-cli-admin-").FullName;

    private string Data => Path.Combine(_directory, "roster.db");

    [SqliteFact]
    public async Task Init_creates_an_administrator_role_with_every_permission()
    {
        var init = JsonNode.Parse((await RosterProcess.RunAsync("init", "--data", Data, "--json")).Output)!;
        var orgId = init["orgId"]!.GetValue<string>();

        var (code, output, error) = await RosterProcess.RunAsync("roles", "list", "--data", Data, "--tenant", orgId, "--json");

        Assert.True(code == 0, error);
        var role = JsonNode.Parse(output)!.AsArray().Single()!;
        Assert.Equal("Administrator", role["name"]!.GetValue<string>());
        Assert.Equal(init["administratorRoleId"]!.GetValue<string>(), role["id"]!.GetValue<string>());
        Assert.Equal(9, role["permissions"]!.AsArray().Count);
        Assert.NotNull(init["token"]);
        Assert.NotNull(init["baseUrl"]);
    }

    [SqliteFact]
    public async Task Roles_create_rename_permissions_deactivate_activate()
    {
        var orgId = await InitAsync();

        var created = await JsonAsync("roles", "create", "--data", Data, "--tenant", orgId, "--name", "Agent", "--permissions", "employees.edit", "--json");
        var renamed = await JsonAsync("roles", "rename", "--data", Data, "--tenant", orgId, "--role", "Agent", "--name", "Senior agent", "--json");
        var changed = await JsonAsync("roles", "permissions", "--data", Data, "--tenant", orgId, "--role", created["id"]!.GetValue<string>(), "--permissions", "audit.view,roles.manage", "--json");
        var deactivated = await JsonAsync("roles", "deactivate", "--data", Data, "--tenant", orgId, "--role", "Senior agent", "--json");
        var activated = await JsonAsync("roles", "activate", "--data", Data, "--tenant", orgId, "--role", "Senior agent", "--json");

        Assert.Equal(["employees.view", "employees.edit"], created["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("Senior agent", renamed["name"]!.GetValue<string>());
        Assert.Equal(["roles.manage", "audit.view"], changed["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.False(deactivated["active"]!.GetValue<bool>());
        Assert.True(activated["active"]!.GetValue<bool>());
    }

    [SqliteFact]
    public async Task Roles_create_with_a_taken_name_or_unknown_permission_fails_with_a_message()
    {
        var orgId = await InitAsync();

        var taken = await RosterProcess.RunAsync("roles", "create", "--data", Data, "--tenant", orgId, "--name", "Administrator");
        var unknown = await RosterProcess.RunAsync("roles", "create", "--data", Data, "--tenant", orgId, "--name", "X", "--permissions", "everything");
        var missing = await RosterProcess.RunAsync("roles", "rename", "--data", Data, "--tenant", orgId, "--role", "administrator", "--name", "Y");

        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("already exists", taken.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("everything", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("case-sensitive", missing.Error, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task Scim_settings_set_and_show()
    {
        var orgId = await InitAsync();
        await JsonAsync("roles", "create", "--data", Data, "--tenant", orgId, "--name", "Agent", "--json");

        var set = await JsonAsync("scim-settings", "set", "--data", Data, "--tenant", orgId, "--enabled", "false", "--default-role", "Agent",
            "--required-role", "Administrator", "--username-must-be-email", "true", "--names-not-updatable", "true", "--json");
        var cleared = await JsonAsync("scim-settings", "set", "--data", Data, "--tenant", orgId, "--required-role", "", "--json");
        var shown = await JsonAsync("scim-settings", "show", "--data", Data, "--tenant", orgId, "--json");

        Assert.False(set["enabled"]!.GetValue<bool>());
        Assert.Equal("Agent", set["defaultRole"]!.GetValue<string>());
        Assert.Equal("Administrator", set["requiredRole"]!.GetValue<string>());
        Assert.True(set["userNameMustBePrimaryEmail"]!.GetValue<bool>());
        Assert.True(set["namesNotUpdatable"]!.GetValue<bool>());
        Assert.Null(cleared["requiredRoleId"]);
        Assert.Equal("Agent", shown["defaultRole"]!.GetValue<string>());
        Assert.Equal("inactive", shown["status"]!.GetValue<string>());
        Assert.False(shown["enabled"]!.GetValue<bool>());
    }

    [SqliteFact]
    public async Task Scim_settings_with_an_unknown_role_fails()
    {
        var orgId = await InitAsync();

        var (code, _, error) = await RosterProcess.RunAsync("scim-settings", "set", "--data", Data, "--tenant", orgId, "--default-role", "Nope");

        Assert.Equal(2, code);
        Assert.Contains("Nope", error, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task Audit_list_shows_cli_changes_and_filters_by_action()
    {
        var orgId = await InitAsync();
        await JsonAsync("roles", "create", "--data", Data, "--tenant", orgId, "--name", "Agent", "--json");
        await JsonAsync("scim-settings", "set", "--data", Data, "--tenant", orgId, "--enabled", "false", "--json");

        var all = await JsonAsync("audit", "list", "--data", Data, "--tenant", orgId, "--json");
        var roles = await JsonAsync("audit", "list", "--data", Data, "--tenant", orgId, "--action", "role.create", "--json");
        var text = await RosterProcess.RunAsync("audit", "list", "--data", Data, "--tenant", orgId);

        // init's role, first token and setup link, then the role and the settings above.
        Assert.Equal(5, all["events"]!.AsArray().Count);
        Assert.Contains(all["events"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "setup_link.issue");
        Assert.Contains(all["events"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "scim_token.create");
        Assert.All(all["events"]!.AsArray(), e => Assert.Equal("cli", e!["client"]!.GetValue<string>()));
        Assert.Equal(2, roles["events"]!.AsArray().Count);
        Assert.Contains("scim.settings.update", text.Output, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task Employees_create_list_invite_into_the_pickup_folder_and_unlock()
    {
        var orgId = await InitAsync();

        var created = await JsonAsync("employees", "create", "--data", Data, "--tenant", orgId, "--email", "ops@example.com",
            "--first-name", "Op", "--last-name", "Erator", "--role", "Administrator", "--json");
        var id = created["id"]!.GetValue<string>();
        var listed = await JsonAsync("employees", "list", "--data", Data, "--tenant", orgId, "--json");
        var invited = await JsonAsync("employees", "invite", "--data", Data, "--tenant", orgId, "--id", id, "--public-url", "https://roster.example.com", "--json");
        var unlock = await RosterProcess.RunAsync("employees", "unlock", "--data", Data, "--tenant", orgId, "--id", id, "--json");
        var audit = await JsonAsync("audit", "list", "--data", Data, "--tenant", orgId, "--action", "employee.create", "--json");

        Assert.Equal("invited", created["status"]!.GetValue<string>());
        Assert.Equal("Administrator", created["primaryRole"]!.GetValue<string>());
        Assert.Equal(1, listed["totalCount"]!.GetValue<int>());
        Assert.Equal("ops@example.com", invited["email"]!.GetValue<string>());
        var mail = System.IO.Directory.GetFiles(Path.Combine(_directory, "mail-pickup")).Single();
        Assert.Contains("https://roster.example.com/activate", await File.ReadAllTextAsync(mail), StringComparison.Ordinal);
        Assert.True(unlock.ExitCode is 0 or 2, unlock.Error);
        Assert.Equal("cli", audit["events"]![0]!["client"]!.GetValue<string>());
    }

    [SqliteFact]
    public async Task Invite_links_to_the_public_url_the_server_is_configured_with_without_the_option()
    {
        var orgId = await InitAsync();
        var id = (await JsonAsync("employees", "create", "--data", Data, "--tenant", orgId, "--email", "ops@example.com",
            "--first-name", "Op", "--last-name", "Erator", "--role", "Administrator", "--json"))["id"]!.GetValue<string>();
        var other = (await JsonAsync("employees", "create", "--data", Data, "--tenant", orgId, "--email", "dev@example.com",
            "--first-name", "De", "--last-name", "Veloper", "--role", "Administrator", "--json"))["id"]!.GetValue<string>();

        // The server's setting, as `serve` reads it; and without one, the address `serve --urls` took from ROSTER_URLS.
        var configured = await RosterProcess.RunAsync(new Dictionary<string, string> { ["Roster__PublicBaseUrl"] = "https://people.example.org/" },
            "employees", "invite", "--data", Data, "--tenant", orgId, "--id", id);
        var listening = await RosterProcess.RunAsync(new Dictionary<string, string> { ["ROSTER_URLS"] = "http://127.0.0.1:5123" },
            "employees", "invite", "--data", Data, "--tenant", orgId, "--id", other);

        Assert.True(configured.ExitCode == 0, configured.Error);
        Assert.True(listening.ExitCode == 0, listening.Error);
        var mails = await Task.WhenAll(System.IO.Directory.GetFiles(Path.Combine(_directory, "mail-pickup")).Select(f => File.ReadAllTextAsync(f)));
        Assert.Contains(mails, m => m.Contains("ops@example.com", StringComparison.Ordinal) && m.Contains("https://people.example.org/activate", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Contains("dev@example.com", StringComparison.Ordinal) && m.Contains("http://127.0.0.1:5123/activate", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Contains(":5000", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task Commands_for_an_unknown_tenant_fail_with_a_message()
    {
        var (code, _, error) = await RosterProcess.RunAsync("roles", "list", "--data", Data, "--tenant", Guid.NewGuid().ToString());

        Assert.Equal(2, code);
        Assert.Contains("No tenant", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("roles")]
    [InlineData("roles", "create")]
    [InlineData("roles", "permissions")]
    [InlineData("scim-settings")]
    [InlineData("scim-settings", "set")]
    [InlineData("audit")]
    [InlineData("audit", "list")]
    [InlineData("employees")]
    [InlineData("employees", "create")]
    [InlineData("employees", "invite")]
    [InlineData("employees", "unlock")]
    public async Task Every_admin_command_has_help(params string[] command)
    {
        var (code, output, _) = await RosterProcess.RunAsync([.. command, "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
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
            // A file still held open must not fail the run; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task Access_keys_apps_and_owned_tokens_are_made_listed_and_ended_from_the_command_line()
    {
        var orgId = await InitAsync();
        var owner = (await JsonAsync("employees", "create", "--data", Data, "--tenant", orgId, "--email", "scim@example.com",
            "--first-name", "SCIM", "--last-name", "Key", "--role", "Administrator", "--json"))["id"]!.GetValue<string>();

        var key = await JsonAsync("access-keys", "create", "--data", Data, "--tenant", orgId, "--owner", owner, "--json");
        var deactivated = await JsonAsync("access-keys", "deactivate", "--data", Data, "--tenant", orgId, "--id", key["id"]!.GetValue<string>(), "--json");
        var app = await JsonAsync("apps", "register", "--data", Data, "--tenant", orgId, "--name", "Okta", "--contact", "it@example.com",
            "--redirect-uri", "https://system-admin.okta.com/admin/app/cpc/roster/oauth/callback", "--json");
        var apps = await RosterProcess.RunAsync("apps", "list", "--data", Data, "--tenant", orgId);
        var token = await JsonAsync("tokens", "create", "--data", Data, "--tenant", orgId, "--name", "Okta", "--owner", owner, "--json");
        var tokens = await RosterProcess.RunAsync("tokens", "list", "--data", Data, "--tenant", orgId);
        var refused = await RosterProcess.RunAsync("apps", "register", "--data", Data, "--tenant", orgId, "--name", "Bad", "--contact", "it@example.com",
            "--redirect-uri", "http://example.com/cb");

        Assert.StartsWith("RAK", key["accessKeyId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("roster_sk_", key["secretAccessKey"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(deactivated["active"]!.GetValue<bool>());
        Assert.StartsWith("roster_cs_", app["clientSecret"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Okta", apps.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(app["clientSecret"]!.GetValue<string>(), apps.Output, StringComparison.Ordinal);
        Assert.StartsWith("roster_scim_", token["token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("owner scim@example.com", tokens.Output, StringComparison.Ordinal);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("https", refused.Error, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task Apps_register_takes_the_registrant_and_the_business_unit_as_the_console_does()
    {
        var orgId = await InitAsync();

        var app = await JsonAsync("apps", "register", "--data", Data, "--tenant", orgId, "--name", "Okta", "--contact", "it@example.com",
            "--redirect-uri", "https://system-admin.okta.com/admin/app/cpc/roster/oauth/callback",
            "--registrant", "Grace Hopper <grace@example.com>", "--business-unit", "Customer care", "--json");
        var (code, output, error) = await RosterProcess.RunAsync("apps", "list", "--data", Data, "--tenant", orgId, "--json");
        var refused = await RosterProcess.RunAsync("apps", "register", "--data", Data, "--tenant", orgId, "--name", "Long", "--contact", "it@example.com",
            "--redirect-uri", "https://example.com/cb", "--business-unit", new string('x', 101));

        Assert.True(code == 0, error);
        var listed = Assert.Single(JsonNode.Parse(output)!.AsArray(), a => (string)a!["id"]! == (string)app["id"]!)!;
        Assert.Equal("Grace Hopper <grace@example.com>", (string)listed["registrant"]!);
        Assert.Equal("Customer care", (string)listed["businessUnit"]!);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("business unit", refused.Error, StringComparison.Ordinal);
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
