using System.Text.Json.Nodes;
using Roster.Directory.Resources;
using Roster.Directory.Tests.Support;
using Roster.Scim.Schemas;

namespace Roster.Directory.Tests.Filtering;

/// <summary>
/// A directory seeded once with the users and groups of filter-cases.json (one minute apart, so
/// meta.created filters have something to tell apart). The tests only read it.
/// </summary>
public sealed class FilterCasesDirectory : IAsyncLifetime
{
    public TestDirectory Directory { get; private set; } = null!;

    /// <summary>Every user as GET returns it (groups included), for the in-memory oracle.</summary>
    public IReadOnlyList<StoredResource> Users { get; private set; } = [];

    public IReadOnlyList<StoredResource> Groups { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Directory = await TestDirectory.CreateAsync();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in FilterCases.Users)
        {
            var body = (JsonObject)user!.DeepClone();
            body["schemas"] ??= new JsonArray(SchemaUris.User);
            var created = (await Directory.Users.CreateAsync(Directory.Caller, body, CancellationToken.None)).Ok();
            ids["user:" + created.Text("userName")] = created.Id;
            Directory.Advance(TimeSpan.FromMinutes(1));
        }

        foreach (var group in FilterCases.Groups)
        {
            var body = new JsonObject
            {
                ["schemas"] = new JsonArray(SchemaUris.Group),
                ["displayName"] = (string)group!["displayName"]!,
            };
            if (group["externalId"] is { } externalId)
            {
                body["externalId"] = externalId.DeepClone();
            }

            if (group["members"] is JsonArray members)
            {
                body["members"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject { ["value"] = ids[(string)m!] })]);
            }

            var created = (await Directory.Groups.CreateAsync(Directory.Caller, body, CancellationToken.None)).Ok();
            ids["group:" + created.Text("displayName")] = created.Id;
            Directory.Advance(TimeSpan.FromMinutes(1));
        }

        Users = (await Directory.Users.ListAsync(Directory.Caller, Requests.Query(count: 1000), CancellationToken.None)).Ok().Resources;
        Groups = (await Directory.Groups.ListAsync(Directory.Caller, Requests.Query(count: 1000), CancellationToken.None)).Ok().Resources;
    }

    public async Task DisposeAsync() => await Directory.DisposeAsync();
}
