using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Filtering;
using Roster.Scim.Errors;
using Roster.Scim.Patching;

namespace Roster.Directory.Groups;

/// <summary>The indexed attributes of a group, read from its normalised document.</summary>
internal sealed record GroupColumns(string DisplayName, string DisplayNameKey, string? ExternalId)
{
    public static ScimResult<GroupColumns> From(JsonObject document)
    {
        var displayName = Text(document, "displayName");
        if (string.IsNullOrEmpty(displayName))
        {
            return ScimError.InvalidValue("'displayName' is required for a group.");
        }

        return new GroupColumns(displayName, CaseFolding.Fold(displayName), Text(document, "externalId"));
    }

    /// <summary>The <c>members</c> of a POST or PUT body (already normalised), each once.</summary>
    public static ScimResult<IReadOnlyList<MemberReference>> Members(JsonObject document)
    {
        var members = new List<MemberReference>();
        if (document["members"] is not JsonArray list)
        {
            return members;
        }

        foreach (var item in list)
        {
            if (item is not JsonObject member || Text(member, "value") is not { } value || value.Trim().Length == 0)
            {
                return ScimError.InvalidValue("Each of 'members' must have a 'value': the member's id.");
            }

            value = value.Trim();
            if (!members.Exists(m => string.Equals(m.Value, value, StringComparison.Ordinal)))
            {
                members.Add(new MemberReference(value, Text(member, "type")));
            }
        }

        return members;
    }

    private static string? Text(JsonObject container, string name) =>
        container[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
