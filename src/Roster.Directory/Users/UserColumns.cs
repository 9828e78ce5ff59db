using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Filtering;
using Roster.Scim.Errors;

namespace Roster.Directory.Users;

/// <summary>The indexed attributes of a user, read from its normalised document.</summary>
internal sealed record UserColumns(
    string UserName,
    string UserNameKey,
    string? ExternalId,
    string? DisplayName,
    string? DisplayNameKey,
    bool? Active,
    IReadOnlyList<string> EmailKeys)
{
    public static ScimResult<UserColumns> From(JsonObject document)
    {
        var userName = Text(document, "userName");
        if (string.IsNullOrEmpty(userName))
        {
            return ScimError.InvalidValue("'userName' is required: it is the user's unique identifier.");
        }

        var displayName = Text(document, "displayName");
        var emails = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (document["emails"] is JsonArray list)
        {
            foreach (var email in list)
            {
                if (email is JsonObject entry && Text(entry, "value") is { Length: > 0 } value)
                {
                    var key = CaseFolding.Fold(value);
                    if (seen.Add(key))
                    {
                        emails.Add(key);
                    }
                }
            }
        }

        return new UserColumns(
            userName,
            CaseFolding.UserNameKey(userName),
            Text(document, "externalId"),
            displayName,
            displayName is null ? null : CaseFolding.Fold(displayName),
            Boolean(document["active"]),
            emails);
    }

    private static string? Text(JsonObject container, string name) =>
        container[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    // Entra ID sends "True"/"False" strings for booleans; whatever got stored, the column holds a boolean.
    private static bool? Boolean(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetValue<string>().Trim(), out var parsed) => parsed,
            _ => null,
        }
        : null;
}
