using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Resources;
using Roster.Scim.Errors;

namespace Roster.Directory.Users;

/// <summary>
/// A userName as Roster stores it: in Unicode NFC (so a name sent decomposed is stored as the
/// same characters sent composed), without controls or invisible characters and without spaces
/// at either end, so that two userNames that look the same in the console or an IdP's log are
/// one. Its uniqueness key is <see cref="Filtering.CaseFolding.UserNameKey"/>. The rules hold
/// for a userName that is new or changed; one stored by an earlier version and sent again as it
/// is stays, so that a PATCH of another attribute never fails on it.
/// </summary>
internal static class UserNames
{
    /// <summary>Normalises <paramref name="document"/>'s userName in place, or says why it is refused.</summary>
    /// <param name="document">The user about to be stored.</param>
    /// <param name="previous">The stored user on replace and patch; null on create.</param>
    public static ScimError? Prepare(JsonObject document, JsonObject? previous)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Text(document["userName"]) is not { } userName)
        {
            return null;
        }

        if (previous is not null && Text(previous["userName"]) is { } stored && string.Equals(stored, userName, StringComparison.Ordinal))
        {
            return null;
        }

        if (InvisibleCharacters.FirstIn(userName, spaceAllowed: true) is { } invisible)
        {
            return ScimError.InvalidValue(
                $"userName '{userName}' holds a control or invisible character ({invisible}); send the name without it, so that it cannot pass for another.");
        }

        if (userName.StartsWith(' ') || userName.EndsWith(' '))
        {
            return ScimError.InvalidValue($"userName '{userName}' starts or ends with a space; send it without the surrounding spaces.");
        }

        var normalized = userName.Normalize(NormalizationForm.FormC);
        if (!string.Equals(normalized, userName, StringComparison.Ordinal))
        {
            document["userName"] = normalized;
        }

        return null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
