using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// One request of an IdP worker, and what it does to the worker's <see cref="WorkerModel"/> once
/// Roster acknowledged it (or, for an answer lost in a crash, if it was applied: the answer is null then).
/// </summary>
public abstract record IdpOperation
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>The user whose version the acknowledgment carries, if the operation changes one.</summary>
    public virtual string? VersionedUser => null;

    public abstract HttpRequestMessage Request(IReadOnlyDictionary<string, string> groupIds);

    public abstract void Apply(WorkerModel model, JsonObject? answer);

    protected static HttpRequestMessage Send(HttpMethod method, string uri, JsonObject? body = null) =>
        new(method, uri) { Content = body is null ? null : ScimHttp.Json(body) };

    protected static JsonObject UserBody(string userName, string displayName, string title) =>
        new() { ["schemas"] = new JsonArray(UserSchema), ["userName"] = userName, ["displayName"] = displayName, ["title"] = title, ["active"] = true };

    protected static JsonObject GroupBody(string displayName, IEnumerable<string> memberIds) =>
        new() { ["schemas"] = new JsonArray(GroupSchema), ["displayName"] = displayName, ["members"] = new JsonArray([.. memberIds.Select(id => (JsonNode)new JsonObject { ["value"] = id })]) };

    protected static JsonObject Patch(params JsonObject[] operations) =>
        new() { ["schemas"] = new JsonArray(PatchSchema), ["Operations"] = new JsonArray(operations) };
}

public sealed record CreateUser(string UserName, string DisplayName, string Title) : IdpOperation
{
    public override string? VersionedUser => UserName;

    public override HttpRequestMessage Request(IReadOnlyDictionary<string, string> groupIds) => Send(HttpMethod.Post, "Users", UserBody(UserName, DisplayName, Title));

    public override void Apply(WorkerModel model, JsonObject? answer) =>
        model.Users[UserName] = new ModelUser(answer?.Id(), DisplayName, Title, Active: true, Version: 1);
}

public sealed record PatchUser(string UserName, string Id, string DisplayName, string Title) : IdpOperation
{
    public override string? VersionedUser => UserName;

    public override HttpRequestMessage Request(IReadOnlyDictionary<string, string> groupIds) => Send(HttpMethod.Patch, $"Users/{Id}", Patch(
        new JsonObject { ["op"] = "replace", ["path"] = "displayName", ["value"] = DisplayName },
        new JsonObject { ["op"] = "replace", ["value"] = new JsonObject { ["title"] = Title } }));

    public override void Apply(WorkerModel model, JsonObject? answer) =>
        model.Users[UserName] = model.Users[UserName] with { DisplayName = DisplayName, Title = Title, Version = model.Users[UserName].Version + 1 };
}

/// <summary>What Entra ID sends to disable a user.</summary>
public sealed record DeactivateUser(string UserName, string Id) : IdpOperation
{
    public override string? VersionedUser => UserName;

    public override HttpRequestMessage Request(IReadOnlyDictionary<string, string> groupIds) =>
        Send(HttpMethod.Patch, $"Users/{Id}", Patch(new JsonObject { ["op"] = "replace", ["path"] = "active", ["value"] = false }));

    public override void Apply(WorkerModel model, JsonObject? answer) =>
        model.Users[UserName] = model.Users[UserName] with { Active = false, Version = model.Users[UserName].Version + 1 };
}

/// <summary>What Okta sends to update a user: the whole user, active again.</summary>
public sealed record ReplaceUser(string UserName, string Id, string DisplayName, string Title) : IdpOperation
{
    public override string? VersionedUser => UserName;

    public override HttpRequestMessage Request(IReadOnlyDictionary<string, string> groupIds) => Send(HttpMethod.Put, $"Users/{Id}", UserBody(UserName, DisplayName, Title));

    public override void Apply(WorkerModel model, JsonObject? answer) =>
        model.Users[UserName] = model.Users[UserName] with { DisplayName = DisplayName, Title = Title, Active = true, Version = model.Users[UserName].Version + 1 };
}

public sealed record DeleteUser(string UserName, string Id) : IdpOperation
{
    public override HttpRequestMessage Request(IReadOnlyDictionary<string, string> groupIds) => Send(HttpMethod.Delete, $"Users/{Id}");

    public override void Apply(WorkerModel model, JsonObject? answer) => model.RemoveUser(UserName);
}

public sealed record AddMember(string Group, string UserName, string Id) : IdpOperation
{
    public override HttpRequestMessage Request(IReadOnlyDictionary<string, string> groupIds) => Send(HttpMethod.Patch, $"Groups/{groupIds[Group]}", Patch(
        new JsonObject { ["op"] = "add", ["path"] = "members", ["value"] = new JsonArray(new JsonObject { ["value"] = Id }) }));

    public override void Apply(WorkerModel model, JsonObject? answer) => model.Memberships.Add(new Membership(Group, UserName));
}

public sealed record RemoveMember(string Group, string UserName, string Id) : IdpOperation
{
    public override HttpRequestMessage Request(IReadOnlyDictionary<string, string> groupIds) => Send(HttpMethod.Patch, $"Groups/{groupIds[Group]}", Patch(
        new JsonObject { ["op"] = "remove", ["path"] = $"members[value eq \"{Id}\"]" }));

    public override void Apply(WorkerModel model, JsonObject? answer) => model.Memberships.Remove(new Membership(Group, UserName));
}

/// <summary>PUT of a group the worker alone fills: its members become exactly <see cref="Members"/> (userName, id).</summary>
public sealed record ReplaceGroupMembers(string Group, IReadOnlyList<(string UserName, string Id)> Members) : IdpOperation
{
    public override HttpRequestMessage Request(IReadOnlyDictionary<string, string> groupIds) =>
        Send(HttpMethod.Put, $"Groups/{groupIds[Group]}", GroupBody(Group, Members.Select(m => m.Id)));

    public override void Apply(WorkerModel model, JsonObject? answer)
    {
        model.Memberships.RemoveWhere(m => m.Group == Group);
        model.Memberships.UnionWith(Members.Select(m => new Membership(Group, m.UserName)));
    }

    public override string ToString() => $"ReplaceGroupMembers {{ Group = {Group}, Members = [{string.Join(", ", Members.Select(m => m.UserName))}] }}";
}
