using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Cli;

/// <summary>
/// <c>roster schema-extensions</c> through the real process on the test server's database (SQLite
/// or PostgreSQL): a definition from a file or standard input is what SCIM clients then see, a
/// change or delete that would strand stored values is refused as the admin API refuses it, and
/// every write is audited as the operator's.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class SchemaExtensionCommandLineTests(RosterServerFixture server) : IDisposable
{
    private const string Urn = "urn:example:acme:scim:2.0:User";

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("roster-cli-schema-").FullName;

    [Fact]
    public async Task The_operator_defines_shows_changes_and_deletes_an_extension_from_files()
    {
        var tenant = await server.CreateTenantAsync();
        var orgId = tenant.OrgId.ToString();
        var file = Write("acme.json", Definition(("costCode", "string"), ("level", "integer")));

        var created = await JsonAsync(null, "schema-extensions", "create", "--data", server.Data, "--tenant", orgId, "--file", file, "--json");
        var again = await RunAsync(null, "schema-extensions", "create", "--data", server.Data, "--tenant", orgId, "--file", file);
        var user = await tenant.Scim.CreateUserAsync("ada@example.com", $$"""
            "{{Urn}}":{"costCode":"CC-7","level":3}
            """);
        var shown = await JsonAsync(null, "schema-extensions", "show", Urn.ToUpperInvariant(), "--data", server.Data, "--tenant", orgId, "--json");
        var text = await RunAsync(null, "schema-extensions", "show", Urn, "--data", server.Data, "--tenant", orgId);

        Assert.Equal(Urn, created["urn"]!.GetValue<string>());
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already has an extension", again.Error, StringComparison.Ordinal);
        Assert.Equal(3, user[Urn]!["level"]!.GetValue<int>());
        Assert.Equal(created["id"]!.GetValue<string>(), shown["id"]!.GetValue<string>());
        Assert.Contains("  level  integer", text.Output, StringComparison.Ordinal);

        // What 'show --json' prints is a definition 'update' takes back: here with one more attribute, from stdin.
        shown["schema"]!["attributes"]!.AsArray().Add(new JsonObject { ["name"] = "tier", ["type"] = "string", ["canonicalValues"] = new JsonArray("gold", "silver") });
        var updated = await JsonAsync(shown.ToJsonString(), "schema-extensions", "update", Urn, "--data", server.Data, "--tenant", orgId, "--file", "-", "--json");
        Assert.Equal(2, updated["version"]!.GetValue<long>());
        var listed = JsonNode.Parse((await RunAsync(null, "schema-extensions", "list", "--data", server.Data, "--tenant", orgId, "--json")).Output)!.AsArray();
        Assert.Equal(3, Assert.Single(listed)!["schema"]!["attributes"]!.AsArray().Count);

        // Stored values keep their meaning: neither a type change nor the delete goes through while Ada holds them.
        var retyped = await RunAsync(null, "schema-extensions", "update", Urn, "--data", server.Data, "--tenant", orgId,
            "--file", Write("retyped.json", Definition(("costCode", "string"), ("level", "string"))));
        var refused = await RunAsync(null, "schema-extensions", "delete", Urn, "--data", server.Data, "--tenant", orgId);
        Assert.Equal(2, retyped.ExitCode);
        Assert.Contains($"hold a value of '{Urn}:level'", retyped.Error, StringComparison.Ordinal);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("cannot be deleted", refused.Error, StringComparison.Ordinal);

        var cleared = await tenant.Scim.PatchAsync($"Users/{user["id"]!.GetValue<string>()}",
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"{{Urn}}"}]}""");
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var deleted = await RunAsync(null, "schema-extensions", "delete", Urn, "--data", server.Data, "--tenant", orgId);
        var gone = await RunAsync(null, "schema-extensions", "show", Urn, "--data", server.Data, "--tenant", orgId);
        Assert.True(deleted.ExitCode == 0, deleted.Error);
        Assert.Equal(2, gone.ExitCode);
        Assert.Contains("no schema extension", gone.Error, StringComparison.Ordinal);

        var audit = await JsonAsync(null, "audit", "list", "--data", server.Data, "--tenant", orgId, "--resource-type", "SchemaExtension", "--json");
        var events = audit["events"]!.AsArray();
        Assert.Equal(["scim.schema_extension.delete", "scim.schema_extension.update", "scim.schema_extension.create"], events.Select(e => e!["action"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal("cli", e!["client"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_file_that_is_no_definition_is_refused_with_what_is_wrong_and_nothing_is_stored()
    {
        var orgId = (await server.CreateTenantAsync()).OrgId.ToString();

        var missing = await RunAsync(null, "schema-extensions", "create", "--data", server.Data, "--tenant", orgId, "--file", Path.Combine(_directory, "none.json"));
        var notJson = await RunAsync("{\"resourceType\": \"User\",", "schema-extensions", "create", "--data", server.Data, "--tenant", orgId, "--file", "-");
        var coreUrn = await RunAsync(null, "schema-extensions", "create", "--data", server.Data, "--tenant", orgId,
            "--file", Write("core.json", Definition(("costCode", "string")).Replace(Urn, "urn:ietf:params:scim:schemas:extension:acme:2.0:User", StringComparison.Ordinal)));
        var badType = await RunAsync(null, "schema-extensions", "create", "--data", server.Data, "--tenant", orgId, "--file", Write("bad.json", Definition(("costCode", "money"))));
        var unknownUrn = await RunAsync(null, "schema-extensions", "delete", Urn, "--data", server.Data, "--tenant", orgId);
        var listed = await RunAsync(null, "schema-extensions", "list", "--data", server.Data, "--tenant", orgId, "--json");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("none.json", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, notJson.ExitCode);
        Assert.Contains("not a definition", notJson.Error, StringComparison.Ordinal);
        Assert.Equal(2, coreUrn.ExitCode);
        Assert.Contains("urn:ietf:params:scim:", coreUrn.Error, StringComparison.Ordinal);
        Assert.Equal(2, badType.ExitCode);
        Assert.Contains("'type' of 'costCode'", badType.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknownUrn.ExitCode);
        Assert.All(new[] { missing, notJson, coreUrn, badType, unknownUrn }, r => Assert.DoesNotContain(" at Roster.", r.Error, StringComparison.Ordinal));
        Assert.Empty(JsonNode.Parse(listed.Output)!.AsArray());
    }

    [Fact]
    public async Task Every_mistake_of_a_definition_is_printed_with_its_field()
    {
        var orgId = (await server.CreateTenantAsync()).OrgId.ToString();

        var refused = await RunAsync(Definition(("costCode", "money"), ("1badge", "string"), ("level", "integr")), "schema-extensions", "create", "--data", server.Data, "--tenant", orgId, "--file", "-");
        var lines = refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("schema.attributes[0].type: 'type' of 'costCode'", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("schema.attributes[1].name: '1badge' is not an attribute name", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("schema.attributes[2].type: 'type' of 'level'", lines[2], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }

    private static string Definition(params (string Name, string Type)[] attributes) => new JsonObject
    {
        ["resourceType"] = "User",
        ["schema"] = new JsonObject
        {
            ["id"] = Urn,
            ["name"] = "AcmeUser",
            ["description"] = "Acme's attributes",
            ["attributes"] = new JsonArray([.. attributes.Select(a => (JsonNode)new JsonObject { ["name"] = a.Name, ["type"] = a.Type })]),
        },
    }.ToJsonString();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string? input, params string[] args) =>
        RosterProcess.RunWithInputAsync(server.CliEnvironment, input, args);

    private async Task<JsonObject> JsonAsync(string? input, params string[] args)
    {
        var (code, output, error) = await RunAsync(input, args);
        Assert.True(code == 0, $"roster {string.Join(' ', args)} failed ({code}): {error}");
        return JsonNode.Parse(output)!.AsObject();
    }
}
