using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;

namespace Roster.Scim.Schemas;

/// <summary>
/// Reads a tenant's schema extension written as RFC 7643 section 7 writes a schema (<c>id</c>,
/// <c>name</c>, <c>description</c>, <c>attributes</c> with their characteristics and
/// <c>subAttributes</c>) into a <see cref="SchemaDefinition"/>, or a 400 <c>invalidValue</c> that
/// names what is wrong. The rules keep a tenant's definitions safe to serve and to query: the URN
/// has the shape of a schema URN outside RFC 7643's own namespace and only letters, digits and
/// <c>.-_:</c>; attribute names follow RFC 7644's <c>ATTRNAME</c> and are unique ignoring case; a
/// complex attribute's sub-attributes are simple (RFC 7643 section 2.3.8); a write-only attribute
/// is never returned; uniqueness applies to single simple values. Listed canonical values are
/// enforced (<see cref="AttributeDefinition.CanonicalValuesEnforced"/>).
/// </summary>
public static class SchemaExtensionReader
{
    /// <summary>The most top-level attributes an extension may define.</summary>
    public const int MaxAttributes = 100;

    /// <summary>The most sub-attributes a complex attribute may have.</summary>
    public const int MaxSubAttributes = 50;

    /// <summary>The most canonical values an attribute may list.</summary>
    public const int MaxCanonicalValues = 200;

    /// <summary>The longest schema URN.</summary>
    public const int MaxUrnLength = 200;

    private const int MaxNameLength = 64;
    private const int MaxDescriptionLength = 1000;
    private const int MaxCanonicalValueLength = 200;
    private const string ReservedPrefix = "urn:ietf:params:scim:";

    /// <summary>The extension, or why it cannot be one.</summary>
    public static ScimResult<SchemaDefinition> Read(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var id = RequiredText(json, "id", "the schema");
            CheckUrn(id);
            var name = OptionalText(json, "name", "the schema", MaxNameLength) ?? id[(id.LastIndexOf(':') + 1)..];
            var description = OptionalText(json, "description", "the schema", MaxDescriptionLength) ?? "";
            if (json["attributes"] is not JsonArray attributes || attributes.Count == 0)
            {
                throw Invalid("'attributes' must be a non-empty array of attribute definitions.");
            }

            if (attributes.Count > MaxAttributes)
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture, $"An extension may define at most {MaxAttributes} attributes; this one has {attributes.Count}."));
            }

            return new SchemaDefinition
            {
                Id = id,
                Name = name,
                Description = description,
                Attributes = ReadAttributes(attributes, parent: null),
            };
        }
        catch (ScimException e)
        {
            return e.Error;
        }
    }

    /// <summary>True when <paramref name="urn"/> may name a tenant's extension.</summary>
    public static bool IsExtensionUrn(string urn) =>
        urn.Length <= MaxUrnLength
        && AttributePathParser.IsSchemaUrn(urn)
        && !urn.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase)
        && urn.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':');

    private static void CheckUrn(string urn)
    {
        if (urn.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid($"'{Shorten(urn)}' is in RFC 7643's own namespace ({ReservedPrefix}...); an organization's extension needs a URN of its own, such as urn:example:scim:schemas:extension:acme:2.0:User.");
        }

        if (!IsExtensionUrn(urn))
        {
            throw Invalid($"'{Shorten(urn)}' is not a schema URN Roster accepts: it must start with 'urn:', end with ':{{version}}:{{name}}' (e.g. ':2.0:User'), hold only letters, digits and '.-_:', and be at most {MaxUrnLength} characters.");
        }
    }

    private static List<AttributeDefinition> ReadAttributes(JsonArray list, AttributeDefinition? parent)
    {
        var where = parent is null ? "the schema" : $"'{parent.Name}'";
        var attributes = new List<AttributeDefinition>();
        foreach (var item in list)
        {
            if (item is not JsonObject json)
            {
                throw Invalid($"Each attribute of {where} must be an object.");
            }

            var attribute = ReadAttribute(json, parent);
            if (attributes.Exists(a => string.Equals(a.Name, attribute.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw Invalid($"{char.ToUpperInvariant(where[0])}{where[1..]} defines '{attribute.Name}' twice (names ignore case).");
            }

            attributes.Add(attribute);
        }

        return attributes;
    }

    private static AttributeDefinition ReadAttribute(JsonObject json, AttributeDefinition? parent)
    {
        var name = RequiredText(json, "name", parent is null ? "an attribute" : $"a sub-attribute of '{parent.Name}'");
        if (name.Length > MaxNameLength || name.StartsWith('$') || !AttributePathParser.IsAttributeName(name))
        {
            throw Invalid($"'{Shorten(name)}' is not an attribute name: it must start with a letter, hold only letters, digits, '-' and '_', and be at most {MaxNameLength} characters.");
        }

        var path = parent is null ? name : $"{parent.Name}.{name}";
        var type = Enum(json, "type", path, CharacteristicNames.Types, required: true) ?? AttributeType.String;
        var attribute = new AttributeDefinition
        {
            Name = name,
            Type = type,
            MultiValued = Flag(json, "multiValued", path),
            Description = OptionalText(json, "description", $"'{path}'", MaxDescriptionLength) ?? "",
            Required = Flag(json, "required", path),
            CaseExact = Flag(json, "caseExact", path),
            Mutability = Enum(json, "mutability", path, CharacteristicNames.Mutabilities) ?? Mutability.ReadWrite,
            Returned = Enum(json, "returned", path, CharacteristicNames.Returns) ?? Returned.Default,
            Uniqueness = Enum(json, "uniqueness", path, CharacteristicNames.Uniquenesses) ?? Uniqueness.None,
            CanonicalValues = Strings(json, "canonicalValues", path, MaxCanonicalValues),
            ReferenceTypes = type == AttributeType.Reference ? Strings(json, "referenceTypes", path, 20) is { Count: > 0 } types ? types : ["external"] : [],
        };
        attribute = attribute with { CanonicalValuesEnforced = attribute.CanonicalValues.Count > 0 };

        if (attribute.CanonicalValues.Count > 0 && type is not (AttributeType.String or AttributeType.Reference))
        {
            throw Invalid($"'{path}' lists canonical values, which only string attributes can have.");
        }

        if (attribute.Mutability == Mutability.WriteOnly && attribute.Returned != Returned.Never)
        {
            throw Invalid($"'{path}' is writeOnly, so its 'returned' must be \"never\" (RFC 7643 section 7).");
        }

        if (attribute.Required && attribute.Mutability == Mutability.ReadOnly)
        {
            throw Invalid($"'{path}' cannot be both required and readOnly: no client could ever set it.");
        }

        if (attribute.Uniqueness != Uniqueness.None
            && (parent is not null || attribute.MultiValued || type is AttributeType.Complex or AttributeType.Boolean or AttributeType.Binary))
        {
            throw Invalid($"'{path}' cannot be unique: uniqueness applies to a single top-level string, number, dateTime or reference.");
        }

        if (type == AttributeType.Complex)
        {
            if (parent is not null)
            {
                throw Invalid($"'{path}' cannot be complex: a complex attribute's sub-attributes are simple (RFC 7643 section 2.3.8).");
            }

            if (json["subAttributes"] is not JsonArray subs || subs.Count == 0)
            {
                throw Invalid($"'{path}' is complex, so it needs a non-empty 'subAttributes' array.");
            }

            if (subs.Count > MaxSubAttributes)
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture, $"'{path}' may have at most {MaxSubAttributes} sub-attributes."));
            }

            return attribute with { SubAttributes = ReadAttributes(subs, attribute) };
        }

        if (json["subAttributes"] is JsonArray { Count: > 0 })
        {
            throw Invalid($"'{path}' has sub-attributes, which only a complex attribute can have.");
        }

        return attribute;
    }

    private static string RequiredText(JsonObject json, string key, string what) =>
        OptionalText(json, key, what, MaxUrnLength + 1) is { Length: > 0 } text
            ? text
            : throw Invalid($"'{key}' of {what} is required.");

    private static string? OptionalText(JsonObject json, string key, string what, int maxLength)
    {
        if (json[key] is null)
        {
            return null;
        }

        if (json[key] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw Invalid($"'{key}' of {what} must be a string.");
        }

        var text = value.GetValue<string>().Trim();
        return text.Length <= maxLength
            ? text
            : throw Invalid(string.Create(CultureInfo.InvariantCulture, $"'{key}' of {what} is longer than {maxLength} characters."));
    }

    private static bool Flag(JsonObject json, string key, string path) => json[key] switch
    {
        null => false,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValueKind() == JsonValueKind.True,
        _ => throw Invalid($"'{key}' of '{path}' must be true or false."),
    };

    private static T? Enum<T>(JsonObject json, string key, string path, IReadOnlyDictionary<string, T> names, bool required = false)
        where T : struct
    {
        if (json[key] is null)
        {
            return required ? throw Invalid($"'{key}' of '{path}' is required: one of {string.Join(", ", names.Keys)}.") : null;
        }

        if (json[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && names.FirstOrDefault(n => string.Equals(n.Key, value.GetValue<string>(), StringComparison.OrdinalIgnoreCase)) is { Key: not null } found)
        {
            return found.Value;
        }

        throw Invalid($"'{key}' of '{path}' must be one of {string.Join(", ", names.Keys)}.");
    }

    private static List<string> Strings(JsonObject json, string key, string path, int max)
    {
        if (json[key] is null)
        {
            return [];
        }

        if (json[key] is not JsonArray array || array.Count > max
            || !array.All(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>().Length is > 0 and <= MaxCanonicalValueLength))
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"'{key}' of '{path}' must be an array of at most {max} non-empty strings of at most {MaxCanonicalValueLength} characters."));
        }

        var values = array.Select(v => v!.GetValue<string>()).ToList();
        return values.Distinct(StringComparer.Ordinal).Count() == values.Count
            ? values
            : throw Invalid($"'{key}' of '{path}' lists a value twice.");
    }

    private static string Shorten(string text) => FilterSyntaxErrors.Shorten(text);

    private static ScimException Invalid(string detail) => new(ScimError.InvalidValue(detail));
}
