using System.Text.Json.Nodes;
using Roster.Scim.Schemas;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>
/// The stored SCIM document of a provisioned person (what the SCIM GET answers), read for the
/// console: what the identity provider sent, attribute by attribute, never re-derived from the
/// employee profile's columns.
/// </summary>
public sealed class ProvisionedResource(JsonObject document)
{
    public string? ExternalId => Text(document, "externalId");

    public string? UserName => Text(document, "userName");

    public string? DisplayName => Text(document, "displayName");

    public string? NickName => Text(document, "nickName");

    public string? Title => Text(document, "title");

    public string? UserType => Text(document, "userType");

    public string? PreferredLanguage => Text(document, "preferredLanguage");

    public string? Locale => Text(document, "locale");

    public string? TimeZone => Text(document, "timezone");

    /// <summary>Null when the identity provider did not send <c>active</c> (RFC 7643 leaves it optional).</summary>
    public bool? Active => document["active"] is JsonValue value && value.TryGetValue<bool>(out var active) ? active : null;

    /// <summary>The <c>name</c> sub-attributes that were sent, in the RFC's order.</summary>
    public IReadOnlyList<(string Attribute, string Value)> NameParts =>
        [.. ((string[])["formatted", "honorificPrefix", "givenName", "middleName", "familyName", "honorificSuffix"])
            .Select(part => (part, Text(document["name"] as JsonObject, part)))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.part, p.Item2!))];

    public IReadOnlyList<ProvisionedValue> Emails => Values("emails", v => Text(v, "value"));

    public IReadOnlyList<ProvisionedValue> PhoneNumbers => Values("phoneNumbers", v => Text(v, "value"));

    /// <summary>Each address as one line: <c>formatted</c> when sent, else its parts in postal order.</summary>
    public IReadOnlyList<ProvisionedValue> Addresses => Values("addresses", v => Text(v, "formatted")
        ?? string.Join(", ", ((string[])["streetAddress", "locality", "region", "postalCode", "country"]).Select(p => Text(v, p)).OfType<string>()));

    /// <summary>The enterprise extension's attributes that were sent (RFC 7643 section 4.3); the manager as its display name and id.</summary>
    public IReadOnlyList<(string Attribute, string Value)> Enterprise
    {
        get
        {
            if (document[SchemaUris.EnterpriseUser] is not JsonObject enterprise)
            {
                return [];
            }

            var found = new List<(string, string)>();
            foreach (var (name, node) in enterprise)
            {
                if (node is JsonObject manager && name == "manager")
                {
                    var id = Text(manager, "value");
                    var display = Text(manager, "displayName");
                    found.Add((name, display is null ? id ?? "" : id is null ? display : $"{display} ({id})"));
                }
                else if (node is JsonValue value)
                {
                    found.Add((name, value.ToString()));
                }
            }

            return found;
        }
    }

    /// <summary>The <c>groups</c> attribute as the SCIM GET computes it: direct and, through nesting, indirect.</summary>
    public IReadOnlyList<(string Display, bool Direct)> Groups =>
        document["groups"] is JsonArray groups
            ? [.. groups.OfType<JsonObject>().Select(g => (Text(g, "display") ?? Text(g, "value") ?? "", Text(g, "type") != "indirect"))]
            : [];

    private IReadOnlyList<ProvisionedValue> Values(string attribute, Func<JsonObject, string?> shown) =>
        document[attribute] is JsonArray values
            ? [.. values.OfType<JsonObject>()
                .Select(v => new ProvisionedValue(Text(v, "type"), shown(v) ?? "", v["primary"] is JsonValue p && p.TryGetValue<bool>(out var primary) && primary))
                .Where(v => v.Value.Length > 0)]
            : [];

    private static string? Text(JsonObject? node, string attribute) =>
        node?[attribute] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
