using System.Globalization;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Crashes;

/// <summary>Users by the thousand and groups of them, for the kills during large membership writes.</summary>
public static class LargeGroups
{
    private const int Creators = 8;
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>Creates <paramref name="count"/> users with a few clients at once and returns their ids.</summary>
    public static async Task<List<string>> CreateUsersAsync(KillableServer server, int count)
    {
        ArgumentNullException.ThrowIfNull(server);
        var ids = new string[count];
        await Task.WhenAll(Enumerable.Range(0, Creators).Select(async creator =>
        {
            using var client = server.CreateScimClient();
            for (var n = creator; n < count; n += Creators)
            {
                ids[n] = (await client.CreateUserAsync($"bulk-{n}@example.com")).Id();
            }
        })).WaitAsync(TimeSpan.FromMinutes(3));
        return [.. ids];
    }

    /// <summary>A new group, with <paramref name="users"/> as members (one PATCH) unless null.</summary>
    public static async Task<string> CreateGroupAsync(HttpClient client, string name, IReadOnlyList<string>? users)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = (await client.CreateGroupAsync(name)).Id();
        if (users is not null)
        {
            using var added = await client.PatchAsync($"Groups/{id}", AddAll(users));
            added.EnsureSuccessStatusCode();
        }

        return id;
    }

    public static async Task<(long Version, HashSet<string> Members)> ReadAsync(KillableServer server, string id)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var client = server.CreateScimClient();
        using var response = await client.GetAsync($"Groups/{id}");
        response.EnsureSuccessStatusCode();
        var group = await response.ReadObjectAsync();
        var version = long.Parse(((string)group["meta"]!["version"]!).Trim('W', '/', '"'), CultureInfo.InvariantCulture);
        return (version, [.. (group["members"]?.AsArray() ?? []).Select(m => (string)m!["value"]!)]);
    }

    /// <summary>A PATCH adding every one of <paramref name="users"/>, as one operation.</summary>
    public static string AddAll(IEnumerable<string> users) => new JsonObject
    {
        ["schemas"] = new JsonArray(PatchOp),
        ["Operations"] = new JsonArray(new JsonObject { ["op"] = "add", ["path"] = "members", ["value"] = MemberList(users) }),
    }.ToJsonString();

    /// <summary>A PUT body: the group with exactly <paramref name="users"/> as members.</summary>
    public static JsonObject Replace(string displayName, IEnumerable<string> users) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
        ["displayName"] = displayName,
        ["members"] = MemberList(users),
    };

    private static JsonArray MemberList(IEnumerable<string> users) => [.. users.Select(id => (JsonNode)new JsonObject { ["value"] = id })];
}
