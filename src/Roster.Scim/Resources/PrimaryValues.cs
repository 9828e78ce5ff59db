using System.Text.Json;
using System.Text.Json.Nodes;

using Roster.Scim.Errors;

namespace Roster.Scim.Resources;

/// <summary>
/// The <c>primary</c> rule of RFC 7643 section 2.4: within one multi-valued attribute, the value
/// <c>true</c> "MUST appear no more than once".
/// </summary>
internal static class PrimaryValues
{
    private const string Primary = "primary";

    /// <summary>True when <paramref name="element"/> is an object whose <c>primary</c> is the JSON boolean true.</summary>
    public static bool IsPrimary(JsonNode? element) =>
        element is JsonObject json
        && ResourceProperties.Get(json, Primary) is JsonValue value
        && value.GetValueKind() == JsonValueKind.True;

    /// <summary>Rejects a list in which more than one value is primary (POST, PUT, and the values of one PATCH operation).</summary>
    public static void EnsureAtMostOne(JsonArray values, string attributePath)
    {
        if (values.Count(IsPrimary) > 1)
        {
            throw new ScimException(ScimError.InvalidValue(
                $"More than one value of '{attributePath}' has \"primary\": true; at most one may (RFC 7643 section 2.4)."));
        }
    }

    /// <summary>
    /// Makes <paramref name="keep"/> the only primary value: every other value that was primary
    /// becomes <c>"primary": false</c>, as RFC 7644 section 3.5.2 asks of a PATCH that sets one.
    /// </summary>
    public static void KeepOnly(JsonArray values, JsonNode keep)
    {
        foreach (var element in values)
        {
            if (!ReferenceEquals(element, keep) && IsPrimary(element))
            {
                ResourceProperties.Set((JsonObject)element!, Primary, JsonValue.Create(false));
            }
        }
    }
}
