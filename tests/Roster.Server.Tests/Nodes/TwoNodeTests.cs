using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.OAuth;
using Xunit.Abstractions;

namespace Roster.Server.Tests.Nodes;

/// <summary>
/// Two real Roster processes on one PostgreSQL database, driven at once: what a load balancer in
/// front of several nodes does to one tenant. Nothing may depend on which node answers.
/// </summary>
public sealed class TwoNodeTests(TwoNodeCluster cluster, ITestOutputHelper output) : IClassFixture<TwoNodeCluster>
{
    private const int ClientsPerNode = 4;
    private const int UsersPerClient = 25;

    // Every fifth user of a client leaves the group again, right after the fifth add that follows it.
    private const int RemoveEvery = 5;

    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    // A few seconds of load on two cores; past this something is stuck, not slow.
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(2);

    [PostgresFact]
    public async Task Concurrent_patches_of_one_group_through_both_nodes_lose_no_member_and_both_nodes_agree()
    {
        using var setup = cluster.A.CreateClient(cluster.Token, $"scim/v2/{cluster.OrgId}/");
        var group = await setup.CreateGroupAsync($"Everyone {Guid.NewGuid():N}");
        var createdVersion = Version(group);
        var clients = Clients();
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(clients.Select((client, index) => AddAndRemoveAsync(client, index, group.Id()))).WaitAsync(LoadTimeout);
        clock.Stop();

        var expected = results.SelectMany(r => r.Kept).Order(StringComparer.Ordinal).ToList();
        var patches = results.Sum(r => r.Patches);
        var onA = await ReadGroupAsync(cluster.A, group.Id());
        var onB = await ReadGroupAsync(cluster.B, group.Id());
        output.WriteLine($"{clients.Count} clients, {results.Sum(r => r.Kept.Count + r.Removed)} users created and {patches} PATCHes in {clock.ElapsedMilliseconds} ms; " +
            $"{expected.Count} members expected, {onA.Members.Count} on A and {onB.Members.Count} on B; version {createdVersion} -> A {onA.ETag}, B {onB.ETag}");
        Assert.All(results, r => Assert.Empty(r.Failures));
        Assert.Equal(onA.ETag, onB.ETag);
        Assert.Equal(onA.Version, onB.Version);
        Assert.Equal($"W/\"{onA.Version}\"", onA.ETag);
        Assert.Equal(createdVersion + patches, onA.Version);
        Assert.Equal(expected, onA.Members);
        Assert.Equal(expected, onB.Members);
        Assert.Equal(expected.Count, clients.Count * (UsersPerClient - (UsersPerClient / RemoveEvery)));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [PostgresFact]
    public async Task Concurrent_creates_of_one_userName_on_both_nodes_give_one_201_and_409_uniqueness_for_the_rest()
    {
        var clients = Clients();
        var rounds = 5;
        for (var round = 0; round < rounds; round++)
        {
            var userName = $"race-{round}-{Guid.NewGuid():N}@example.com";
            var body = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}"}""";
            var responses = await Task.WhenAll(clients.Select(c => c.PostAsync("Users", ScimHttp.Json(body)))).WaitAsync(LoadTimeout);

            var conflicts = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
            output.WriteLine($"{userName}: {string.Join(", ", responses.Select(r => (int)r.StatusCode))}");
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            Assert.Equal(clients.Count - 1, conflicts.Count);
            foreach (var conflict in conflicts)
            {
                Assert.Equal("uniqueness", (string?)(await conflict.ReadObjectAsync())["scimType"]);
            }

            foreach (var node in new[] { cluster.A, cluster.B })
            {
                using var reader = node.CreateClient(cluster.Token, $"scim/v2/{cluster.OrgId}/");
                var found = await (await reader.GetAsync($"Users?filter=userName eq \"{userName}\"")).ReadObjectAsync();
                Assert.Equal(1, (int)found["totalResults"]!);
            }
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [PostgresFact]
    public async Task A_SCIM_token_issued_through_node_As_admin_API_works_on_node_B()
    {
        var (employeeId, email) = await cluster.CreateAdministratorAsync(activateAt: cluster.B);
        using var admin = cluster.A.CreateClient(null, $"api/v1/orgs/{cluster.OrgId}/");
        admin.DefaultRequestHeaders.Authorization = AdminSessions.Basic(email, AdminSessions.Password);

        var issued = await admin.PostAsJsonAsync("scim-tokens", new { name = "Okta", ownerId = employeeId });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        using var onB = cluster.B.CreateClient((string)(await issued.ReadObjectAsync())["token"]!, $"scim/v2/{cluster.OrgId}/");
        var user = await onB.CreateUserAsync($"via-b-{Guid.NewGuid():N}@example.com");
        using var onA = cluster.A.CreateClient(cluster.Token, $"scim/v2/{cluster.OrgId}/");
        var readOnA = await onA.GetAsync($"Users/{user.Id()}");

        Assert.Equal(HttpStatusCode.OK, readOnA.StatusCode);
        Assert.Equal(user.Id(), (await readOnA.ReadObjectAsync()).Id());
    }

    [PostgresFact]
    public async Task An_OAuth_access_token_from_node_A_works_on_node_B_when_both_have_the_same_public_url()
    {
        var (employeeId, email) = await cluster.CreateAdministratorAsync(activateAt: cluster.A);
        using var admin = cluster.B.CreateClient(null, $"api/v1/orgs/{cluster.OrgId}/");
        admin.DefaultRequestHeaders.Authorization = AdminSessions.Basic(email, AdminSessions.Password);
        var created = await admin.PostNoBodyAsync($"employees/{employeeId}/access-keys");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await created.ReadObjectAsync();
        using var tokenClient = cluster.A.CreateClient(null);

        var token = await tokenClient.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var onB = cluster.B.CreateClient((string)(await token.ReadJsonAsync())["access_token"]!, $"scim/v2/{cluster.OrgId}/");
        var user = await onB.CreateUserAsync($"oauth-{Guid.NewGuid():N}@example.com");
        using var onA = cluster.A.CreateClient(cluster.Token, $"scim/v2/{cluster.OrgId}/");
        var readOnA = await onA.GetAsync($"Users/{user.Id()}");

        Assert.Equal(HttpStatusCode.OK, readOnA.StatusCode);
    }

    [PostgresFact]
    public async Task Signing_out_on_node_B_ends_the_session_on_node_A()
    {
        var (_, email) = await cluster.CreateAdministratorAsync(activateAt: cluster.A);
        var session = await Isolation.ConsoleSession.SignInAsync(cluster.A.BaseAddress, "session", email, AdminSessions.Password);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

        var before = await OpenConsoleAsync(http, cluster.A, session);
        using var signOut = Isolation.Requests.Form(new Uri(cluster.B.BaseAddress, "console/sign-out").ToString(), session.FormToken);
        session.Apply(signOut);
        var signedOut = await http.SendAsync(signOut);
        var after = await OpenConsoleAsync(http, cluster.A, session);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after);
    }

    private static async Task<HttpStatusCode> OpenConsoleAsync(HttpClient http, RosterNode node, Isolation.Credential session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node.BaseAddress, "console"));
        session.Apply(request);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Creates the client's users, then adds each to the group, removing every fifth again while it goes.</summary>
    private static async Task<ClientResult> AddAndRemoveAsync(HttpClient client, int index, string groupId)
    {
        var failures = new List<string>();
        var users = new List<string>();
        for (var n = 0; n < UsersPerClient; n++)
        {
            users.Add((await client.CreateUserAsync($"member-{index}-{n}-{Guid.NewGuid():N}@example.com")).Id());
        }

        var patches = 0;
        var removed = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < UsersPerClient; n++)
        {
            await PatchAsync(client, groupId, $$"""{"op":"add","path":"members","value":[{"value":"{{users[n]}}"}]}""", failures);
            patches++;
            if (n % RemoveEvery == RemoveEvery - 1)
            {
                var leaving = users[n - (RemoveEvery - 1)];
                await PatchAsync(client, groupId, $$"""{"op":"remove","path":"members[value eq \"{{leaving}}\"]"}""", failures);
                removed.Add(leaving);
                patches++;
            }
        }

        return new ClientResult(users.Where(u => !removed.Contains(u)).ToList(), removed.Count, patches, failures);
    }

    private static async Task PatchAsync(HttpClient client, string groupId, string operation, List<string> failures)
    {
        using var response = await client.PatchAsync($"Groups/{groupId}", $$"""{"schemas":["{{PatchOp}}"],"Operations":[{{operation}}]}""");
        if (!response.IsSuccessStatusCode)
        {
            failures.Add($"{operation}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private List<HttpClient> Clients() =>
        [.. new[] { cluster.A, cluster.B }.SelectMany(node => Enumerable.Range(0, ClientsPerNode)
            .Select(_ => node.CreateClient(cluster.Token, $"scim/v2/{cluster.OrgId}/")))];

    private async Task<GroupState> ReadGroupAsync(RosterNode node, string groupId)
    {
        using var client = node.CreateClient(cluster.Token, $"scim/v2/{cluster.OrgId}/");
        using var response = await client.GetAsync($"Groups/{groupId}");
        response.EnsureSuccessStatusCode();
        var group = await response.ReadObjectAsync();
        var members = (group["members"]?.AsArray() ?? []).Select(m => (string)m!["value"]!).Order(StringComparer.Ordinal).ToList();
        return new GroupState(response.Headers.ETag!.ToString(), Version(group), members);
    }

    private static long Version(JsonObject resource) =>
        long.Parse(((string)resource["meta"]!["version"]!).Trim('W', '/', '"'), System.Globalization.CultureInfo.InvariantCulture);

    private sealed record ClientResult(List<string> Kept, int Removed, int Patches, List<string> Failures);

    private sealed record GroupState(string ETag, long Version, List<string> Members);
}
