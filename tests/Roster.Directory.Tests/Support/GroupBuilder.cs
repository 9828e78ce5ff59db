using System.Text.Json.Nodes;
using Roster.Scim.Schemas;

namespace Roster.Directory.Tests.Support;

/// <summary>Builds Group POST bodies: <c>new GroupBuilder("Admins").WithMembers(id1, id2).Build()</c>.</summary>
public sealed class GroupBuilder(string displayName)
{
    private readonly JsonObject _group = new()
    {
        ["schemas"] = new JsonArray(SchemaUris.Group),
        ["displayName"] = displayName,
    };

    public GroupBuilder WithExternalId(string externalId)
    {
        _group["externalId"] = externalId;
        return this;
    }

    public GroupBuilder WithMembers(params string[] ids)
    {
        _group["members"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["value"] = id })]);
        return this;
    }

    public JsonObject Build() => (JsonObject)_group.DeepClone();
}
