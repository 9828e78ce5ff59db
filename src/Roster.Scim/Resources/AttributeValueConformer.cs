using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Schemas;

namespace Roster.Scim.Resources;

/// <summary>
/// Checks a client's value against an attribute definition and returns it in canonical form: a
/// new node (never one of the request's), sub-attribute names in the schema's case, unknown and
/// read-only sub-attributes dropped, and <c>null</c> when the value amounts to "no value".
/// A value of the wrong type is a 400 <c>invalidValue</c> that names the attribute.
/// </summary>
internal static class AttributeValueConformer
{
    /// <summary>The value of <paramref name="attribute"/>, single- or multi-valued; null when absent.</summary>
    /// <param name="value">The client's value.</param>
    /// <param name="attribute">The attribute it is a value of.</param>
    /// <param name="path">The attribute's path, for error details.</param>
    public static JsonNode? Conform(JsonNode? value, AttributeDefinition attribute, string path) =>
        attribute.MultiValued ? ConformMultiValued(value, attribute, path) : ConformSingular(value, attribute, path);

    /// <summary>A whole multi-valued attribute: a JSON array, or one value that is wrapped into one.</summary>
    public static JsonArray? ConformMultiValued(JsonNode? value, AttributeDefinition attribute, string path)
    {
        if (value is null)
        {
            return null;
        }

        // Tolerated: one value where an array is expected ("emails": {...}). The intent is plain.
        IEnumerable<JsonNode?> items = value is JsonArray array ? array : new[] { value };
        var result = new JsonArray();
        foreach (var item in items)
        {
            if (ConformElement(item, attribute, path) is { } conformed)
            {
                result.Add(conformed);
            }
        }

        if (result.Count == 0)
        {
            return null;
        }

        PrimaryValues.EnsureAtMostOne(result, path);
        return result;
    }

    /// <summary>One value of a single-valued attribute.</summary>
    public static JsonNode? ConformSingular(JsonNode? value, AttributeDefinition attribute, string path)
    {
        if (value is JsonArray array)
        {
            // Okta: some attribute mappings of Okta's SCIM client wrap a single value in a
            // one-element array ("value": ["x"]); the intent is unambiguous, so take the element.
            if (array.Count > 1)
            {
                throw Invalid($"'{path}' is single-valued but {array.Count} values were given.");
            }

            value = array.Count == 0 ? null : array[0];
        }

        return ConformElement(value, attribute, path);
    }

    /// <summary>One value: of a single-valued attribute, or one element of a multi-valued one.</summary>
    public static JsonNode? ConformElement(JsonNode? value, AttributeDefinition attribute, string path) =>
        attribute.Type == AttributeType.Complex
            ? ConformComplex(value, attribute, path)
            : ConformSimple(value, attribute, path);

    /// <summary>True when <paramref name="value"/> means "no value": JSON null or an empty string.</summary>
    public static bool IsClearing(JsonNode? value) =>
        value is null || (JsonStrings.TryGet(value, out var text) && text.Length == 0);

    private static JsonObject? ConformComplex(JsonNode? value, AttributeDefinition attribute, string path)
    {
        if (IsClearing(value))
        {
            return null;
        }

        if (JsonStrings.TryGet(value, out var bare) && !attribute.MultiValued && attribute.FindSubAttribute("value") is not null)
        {
            // Entra ID sends the enterprise manager as the bare id ("value": "26118915-6090")
            // rather than {"value": "..."}. Source: "Known issues and resolutions with SCIM 2.0
            // protocol compliance of the Microsoft Entra user provisioning service",
            // https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
            return new JsonObject { ["value"] = bare };
        }

        if (JsonStrings.TryGet(value, out var element) && attribute.MultiValued && IsRoles(attribute))
        {
            // Okta: a custom string-array attribute mapped to roles arrives as plain strings
            // ("roles": ["Admin", "Agent"]). Each is that value. Only roles: a plain string in
            // emails or phoneNumbers stays an error (RFC 7643 section 2.3.8), as no IdP sends one.
            // Source: Okta Developer, "SCIM 2.0 protocol reference" (custom attributes of type string array).
            return RoleValueInJson(attribute, new JsonObject { ["value"] = element });
        }

        if (value is not JsonObject json)
        {
            throw Invalid($"'{path}' must be a complex value (a JSON object), not {Describe(value)}.");
        }

        var result = new JsonObject();
        foreach (var (key, subValue) in json)
        {
            var sub = attribute.FindSubAttribute(key);

            // Unknown sub-attributes are dropped, and read-only ones are the server's to set
            // (members.display, manager.displayName, groups.*): IdPs echo them back.
            if (sub is null || sub.Mutability == Mutability.ReadOnly)
            {
                continue;
            }

            if (Conform(subValue, sub, $"{path}.{sub.Name}") is { } conformed)
            {
                ResourceProperties.Set(result, sub.Name, conformed);
            }
        }

        return result.Count == 0 ? null : RoleValueInJson(attribute, result);
    }

    private static JsonValue? ConformSimple(JsonNode? value, AttributeDefinition attribute, string path)
    {
        if (IsClearing(value))
        {
            return null;
        }

        if (value is not JsonValue json)
        {
            throw Invalid($"'{path}' must be {Expected(attribute.Type)}, not {Describe(value)}.");
        }

        var kind = json.GetValueKind();
        return attribute.Type switch
        {
            AttributeType.Boolean => ConformBoolean(json, kind, path),
            AttributeType.Integer or AttributeType.Decimal => ConformNumber(json, kind, attribute.Type, path),
            AttributeType.DateTime => ConformString(json, kind, attribute.Type, path, IsDateTime),
            AttributeType.Binary => ConformString(json, kind, attribute.Type, path, IsBase64),
            _ => Canonical(ConformString(json, kind, attribute.Type, path, static _ => true), attribute, path),
        };
    }

    /// <summary>A string of an attribute whose canonical values are the only ones, spelled as the schema spells it.</summary>
    private static JsonValue Canonical(JsonValue value, AttributeDefinition attribute, string path)
    {
        if (!attribute.CanonicalValuesEnforced || attribute.CanonicalValues.Count == 0)
        {
            return value;
        }

        var text = value.GetValue<string>();
        var comparison = attribute.CaseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var canonical = attribute.CanonicalValues.FirstOrDefault(v => string.Equals(v, text, comparison));
        return canonical is not null
            ? JsonValue.Create(canonical)
            : throw Invalid($"'{path}' must be one of {string.Join(", ", attribute.CanonicalValues.Select(v => $"\"{v}\""))}, not \"{(text.Length > 40 ? text[..40] + "..." : text)}\".");
    }

    private static JsonValue ConformBoolean(JsonValue json, JsonValueKind kind, string path)
    {
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return JsonValue.Create(kind == JsonValueKind.True);
        }

        // Entra ID sends booleans as strings ("active": "False", "primary": "True") unless the
        // aadOptscim062020 flag is set. Source: "Known issues and resolutions with SCIM 2.0
        // protocol compliance of the Microsoft Entra user provisioning service",
        // https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
        if (JsonStrings.TryGet(json, out var text) && bool.TryParse(text.Trim(), out var parsed))
        {
            return JsonValue.Create(parsed);
        }

        throw Invalid($"'{path}' must be a boolean (true or false), not {Describe(json)}.");
    }

    private static JsonValue ConformNumber(JsonValue json, JsonValueKind kind, AttributeType type, string path)
    {
        if (kind == JsonValueKind.Number
            && decimal.TryParse(json.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && (type == AttributeType.Decimal || number == decimal.Truncate(number)))
        {
            return (JsonValue)json.DeepClone();
        }

        throw Invalid($"'{path}' must be {Expected(type)}, not {Describe(json)}.");
    }

    private static JsonValue ConformString(JsonValue json, JsonValueKind kind, AttributeType type, string path, Func<string, bool> isValid)
    {
        if (kind == JsonValueKind.String && JsonStrings.TryGet(json, out var text))
        {
            if (isValid(text))
            {
                return JsonValue.Create(text);
            }
        }

        throw Invalid($"'{path}' must be {Expected(type)}, not {Describe(json)}.");
    }

    private static bool IsDateTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private static string Expected(AttributeType type) => type switch
    {
        AttributeType.Boolean => "a boolean",
        AttributeType.Integer => "an integer",
        AttributeType.Decimal => "a number",
        AttributeType.DateTime => "an xsd:dateTime string such as \"2008-01-23T04:56:22Z\"",
        AttributeType.Binary => "a base64-encoded string",
        AttributeType.Reference => "a URI string",
        AttributeType.Complex => "a JSON object",
        _ => "a string",
    };

    private static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        if (text.Length > 40)
        {
            text = string.Concat(text.AsSpan(0, 40), "...");
        }

        var kind = value switch
        {
            JsonObject => "an object",
            JsonArray => "an array",
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.String => "the string",
                JsonValueKind.Number => "the number",
                _ => "the value",
            },
            _ => "the value",
        };
        return $"{kind} {text}";
    }

    private static bool IsRoles(AttributeDefinition attribute) =>
        string.Equals(attribute.Name, "roles", StringComparison.Ordinal) && attribute.FindSubAttribute("value") is not null;

    private static ScimException Invalid(string detail) => new(ScimError.InvalidValue(detail));

    /// <summary>
    /// Entra ID: with <c>AppRoleAssignmentsComplex</c> and <c>SingleAppRoleAssignment</c>, PATCH
    /// requests carry each role as a JSON string holding the app role assignment
    /// (<c>{"value": "{\"id\":\"...\",\"value\":\"25\",\"displayName\":\"Role1234\"}"}</c>),
    /// while POST sends the plain value. The inner <c>value</c> is the role's value, its
    /// <c>displayName</c> the display; the assignment id is Entra's own and dropped. Source:
    /// Microsoft Learn, "Customize user provisioning attribute-mappings for SaaS applications in
    /// Microsoft Entra ID", section "Provisioning a role to a SCIM app".
    /// </summary>
    private static JsonObject RoleValueInJson(AttributeDefinition attribute, JsonObject role)
    {
        if (!IsRoles(attribute)
            || !JsonStrings.TryGet(role["value"], out var text)
            || !text.TrimStart().StartsWith('{'))
        {
            return role;
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject assignment && JsonStrings.TryGet(assignment["value"], out var inner) && inner.Length > 0)
            {
                role["value"] = inner;
                if (role["display"] is null && JsonStrings.TryGet(assignment["displayName"], out var display) && display.Length > 0)
                {
                    role["display"] = display;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: a role whose name starts with a brace, kept as sent.
        }

        return role;
    }
}
