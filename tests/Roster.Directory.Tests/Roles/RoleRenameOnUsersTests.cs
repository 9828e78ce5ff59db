using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Resources;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Roles;

public sealed class RoleRenameOnUsersTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Rename_renames_the_role_on_its_users_only_and_audits_each_as_the_same_actor()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var actor = directory.Admin with { ProfileId = Guid.NewGuid(), CredentialId = Guid.NewGuid() };
        var create = directory.Get<CreateRole>();
        var agent = (await create.ExecuteAsync(actor, "Agent", [], None)).Ok();
        (await create.ExecuteAsync(actor, "agent", [], None)).Ok();
        (await create.ExecuteAsync(actor, "Supervisor", [], None)).Ok();
        var sun = await CreateAsync(directory, "sun", "Agent");
        var lee = await CreateAsync(directory, "lee", "Supervisor", "Agent");
        var kim = await CreateAsync(directory, "kim", "agent");
        directory.Advance(TimeSpan.FromSeconds(1));

        (await directory.Get<RenameRole>().ExecuteAsync(actor, agent.Id, "坐席 \"A\"", None)).Ok();

        var renamedSun = await GetAsync(directory, sun);
        var renamedLee = await GetAsync(directory, lee);
        var unchangedKim = await GetAsync(directory, kim);
        Assert.Equal(["坐席 \"A\""], RoleValues(renamedSun));
        Assert.Equal(["Supervisor", "坐席 \"A\""], RoleValues(renamedLee));
        Assert.Equal(["agent"], RoleValues(unchangedKim));
        Assert.Equal((sun.Version + 1, lee.Version + 1, kim.Version), (renamedSun.Version, renamedLee.Version, unchangedKim.Version));
        var renamedAt = ScimDateTime.ToText(TestDirectory.Start.AddSeconds(1));
        Assert.Equal(renamedAt, (string?)renamedSun.Document["meta"]!["lastModified"]);
        Assert.Equal(renamedAt, (string?)renamedLee.Document["meta"]!["lastModified"]);
        Assert.Equal((string?)kim.Document["meta"]!["lastModified"], (string?)unchangedKim.Document["meta"]!["lastModified"]);

        var events = (await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { Action = AuditActions.UserUpdate }, None)).Ok().Events;
        Assert.Equal(new[] { sun.Id, lee.Id }.Order(), events.Select(e => e.ResourceId.ToString()).Order());
        Assert.All(events, e => Assert.Equal(
            (actor.ProfileId, actor.CredentialId, "console", AuditResourceTypes.User),
            (e.ActorProfileId, e.CredentialId, e.Client, e.ResourceType)));
        var leeChanges = events.Single(e => e.ResourceId.ToString() == lee.Id).Changes;
        Assert.Equal(["roles"], leeChanges.Select(c => c.Key));
        Assert.Equal(["Supervisor", "Agent"], leeChanges["roles"]!["before"]!.AsArray().Select(r => (string?)r!["value"]));
        Assert.Equal(["Supervisor", "坐席 \"A\""], leeChanges["roles"]!["after"]!.AsArray().Select(r => (string?)r!["value"]));
    }

    private static async Task<StoredResource> CreateAsync(TestDirectory directory, string userName, params string[] roles) =>
        (await directory.Users.CreateAsync(
            directory.Caller,
            new UserBuilder(userName).With("roles", new JsonArray([.. roles.Select(r => (JsonNode)new JsonObject { ["value"] = r })])).Build(),
            None)).Ok();

    private static async Task<StoredResource> GetAsync(TestDirectory directory, StoredResource user) =>
        (await directory.Users.GetAsync(directory.Caller, user.Id, false, None)).Ok();

    private static List<string?> RoleValues(StoredResource user) => [.. user.Document["roles"]!.AsArray().Select(r => (string?)r!["value"])];
}
