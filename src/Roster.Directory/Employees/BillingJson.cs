using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roster.Directory.Employees;

/// <summary>Between <see cref="BillingAttributes"/> and the <c>users.billing</c> JSON text.</summary>
internal static class BillingJson
{
    public static string ToColumn(BillingAttributes billing) => ToJson(billing).ToJsonString();

    public static JsonObject ToJson(BillingAttributes billing) => new()
    {
        ["billable"] = billing.Billable,
        ["licenses"] = new JsonArray([.. billing.Licenses.Select(l => JsonValue.Create(l))]),
    };

    /// <summary>The column read back; text that is not the expected shape reads as the default rather than failing.</summary>
    public static BillingAttributes Parse(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is not JsonObject json)
            {
                return BillingAttributes.Default;
            }

            var billable = json["billable"] is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? b.GetValue<bool>() : true;
            var licenses = (json["licenses"] as JsonArray ?? [])
                .OfType<JsonValue>()
                .Where(v => v.GetValueKind() == JsonValueKind.String)
                .Select(v => v.GetValue<string>())
                .ToList();
            return new BillingAttributes(billable, licenses);
        }
        catch (JsonException)
        {
            return BillingAttributes.Default;
        }
    }
}
