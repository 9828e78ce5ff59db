using System.Text.Json.Nodes;

namespace Roster.Directory.RoleGrants;

/// <summary>A role's grant changes as a <c>role.grants.change</c> event shows them: counts, the first people, and the cause.</summary>
internal static class GrantAudit
{
    public static JsonObject ToJson(RoleChange change, string causeType, Guid causeId)
    {
        ArgumentNullException.ThrowIfNull(change);
        var json = new JsonObject { ["cause"] = new JsonObject { ["type"] = causeType, ["id"] = causeId.ToString() } };
        if (change.GainedCount > 0)
        {
            json["gained"] = new JsonObject { ["count"] = change.GainedCount, ["userIds"] = Ids(change.GainedSample) };
        }

        if (change.LostCount > 0)
        {
            json["lost"] = new JsonObject { ["count"] = change.LostCount, ["userIds"] = Ids(change.LostSample) };
        }

        return json;
    }

    private static JsonArray Ids(IReadOnlyList<Guid> ids) => new([.. ids.Select(id => JsonValue.Create(id.ToString()))]);
}
