using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Cli;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.OAuth;

namespace Roster.Server.Tests.Keys;

/// <summary>
/// <c>roster keys rotate</c> against a running server: the server rereads its keys, publishes the
/// new one in JWKS and signs new tokens with it, while tokens the old key signed keep working and
/// the old key stays published.
/// </summary>
public sealed class KeyRotationTests(KeyRotationTests.RefreshingServer server) : IClassFixture<KeyRotationTests.RefreshingServer>
{
    [Fact]
    public async Task A_rotated_key_signs_new_tokens_and_the_old_key_still_verifies_its_own()
    {
        var admin = await server.CreateAdminAsync("accesskeys.manage", "employees.edit");
        var created = await admin.Http.PostNoBodyAsync($"employees/{admin.EmployeeId}/access-keys");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await created.ReadObjectAsync();
        using var http = server.CreateClient(null);
        var before = await TokenAsync(http, key);
        var kidBefore = new JsonWebToken(before).Kid;
        var published = await KeyIdsAsync(http);
        Assert.Contains(kidBefore, published);

        var rotate = await RosterProcess.RunAsync(server.CliEnvironment, "keys", "rotate", "--data", server.Data, "--activate-in", "0", "--json");
        Assert.True(rotate.ExitCode == 0, rotate.Error);
        var rotated = (string)JsonNode.Parse(rotate.Output)!["keyId"]!;
        Assert.NotEqual(kidBefore, rotated);

        // The server rereads its keys each second here (Roster:Keys:RefreshSeconds); both are published then.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await KeyIdsAsync(http)).Contains(rotated))
        {
            await Task.Delay(100, deadline.Token);
        }

        Assert.Contains(kidBefore, await KeyIdsAsync(http));
        var after = await TokenAsync(http, key);
        Assert.Equal(rotated, new JsonWebToken(after).Kid);
        foreach (var (name, token) in new[] { ("signed by the old key", before), ("signed by the new key", after) })
        {
            using var scim = server.CreateClient(token, $"scim/v2/{admin.OrgId}/");
            var answer = await scim.GetAsync("Users");
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"The token {name}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }

        var listed = await RosterProcess.RunAsync(server.CliEnvironment, "keys", "list", "--data", server.Data, "--json");
        var states = JsonNode.Parse(listed.Output)!["keys"]!.AsArray().ToDictionary(k => (string)k!["keyId"]!, k => (string)k!["state"]!);
        Assert.Equal("signing", states[rotated]);
        Assert.Equal("published, replaced", states[kidBefore]);
        Assert.DoesNotContain("material", listed.Output, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> TokenAsync(HttpClient http, JsonObject key)
    {
        var response = await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["access_token"]!;
    }

    private static async Task<List<string>> KeyIdsAsync(HttpClient http) =>
        [.. JsonNode.Parse(await http.GetStringAsync(new Uri(".well-known/jwks", UriKind.Relative)))!["keys"]!.AsArray().Select(k => (string)k!["kid"]!)];

    /// <summary>A server that rereads its keys every second.</summary>
    public sealed class RefreshingServer : RosterServerFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Roster:RateLimits:Enabled"] = "false",
            ["Roster:Keys:RefreshSeconds"] = "1",
        };
    }
}
