using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;

namespace Roster.Scim.Schemas;

/// <summary>
/// Reads a tenant's schema extension written as RFC 7643 section 7 writes a schema (<c>id</c>,
/// <c>name</c>, <c>description</c>, <c>attributes</c> with their characteristics and
/// <c>subAttributes</c>) into a <see cref="SchemaDefinition"/>, or every mistake it holds, each
/// with the field it is about (<see cref="ReadAll"/>), so that a form can show them all at once.
/// The rules keep a tenant's definitions safe to serve and to query: the URN has the shape of a
/// schema URN outside RFC 7643's own namespace and only letters, digits and <c>.-_:</c>;
/// attribute names follow RFC 7644's <c>ATTRNAME</c> and are unique ignoring case; a complex
/// attribute's sub-attributes are simple (RFC 7643 section 2.3.8); a write-only attribute is
/// never returned; uniqueness applies to single simple values. Listed canonical values are
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

    /// <summary>
    /// The most mistakes reported for one definition. The definition's bounds keep the work of
    /// reading it small; this keeps the answer small too, whatever a hostile document holds.
    /// </summary>
    public const int MaxErrors = 50;

    private const int MaxNameLength = 64;
    private const int MaxDescriptionLength = 1000;
    private const int MaxCanonicalValueLength = 200;
    private const string ReservedPrefix = "urn:ietf:params:scim:";

    /// <summary>The extension, or its first mistake as a 400 <c>invalidValue</c>.</summary>
    public static ScimResult<SchemaDefinition> Read(JsonObject json)
    {
        var reading = ReadAll(json);
        return reading.IsSuccess ? reading.Schema : ScimError.InvalidValue(reading.Errors[0].Detail);
    }

    /// <summary>The extension, or every mistake it holds (at most <see cref="MaxErrors"/>), each with its field.</summary>
    public static SchemaReading ReadAll(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var mistakes = new Mistakes();
        var id = RequiredText(json, "id", "the schema", "id", mistakes);
        if (id is not null)
        {
            CheckUrn(id, mistakes);
        }

        var name = OptionalText(json, "name", "the schema", "name", MaxNameLength, mistakes);
        var description = OptionalText(json, "description", "the schema", "description", MaxDescriptionLength, mistakes) ?? "";
        List<AttributeDefinition> attributes = [];
        if (json["attributes"] is not JsonArray list || list.Count == 0)
        {
            mistakes.Add("attributes", $"'attributes' must be a non-empty array of attribute definitions.");
        }
        else if (list.Count > MaxAttributes)
        {
            mistakes.Add("attributes", $"An extension may define at most {MaxAttributes} attributes; this one has {list.Count}.");
        }
        else
        {
            attributes = ReadAttributes(list, parent: null, "attributes", mistakes);
        }

        if (mistakes.Count > 0 || id is null)
        {
            return SchemaReading.Failure(mistakes.All);
        }

        return SchemaReading.Success(new SchemaDefinition
        {
            Id = id,
            Name = name ?? id[(id.LastIndexOf(':') + 1)..],
            Description = description,
            Attributes = attributes,
        });
    }

    /// <summary>True when <paramref name="urn"/> may name a tenant's extension.</summary>
    public static bool IsExtensionUrn(string urn) =>
        urn.Length <= MaxUrnLength
        && AttributePathParser.IsSchemaUrn(urn)
        && !urn.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase)
        && urn.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':');

    private static void CheckUrn(string urn, Mistakes mistakes)
    {
        if (urn.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            mistakes.Add("id", $"'{Shorten(urn)}' is in RFC 7643's own namespace ({ReservedPrefix}...); an organization's extension needs a URN of its own, such as urn:example:scim:schemas:extension:acme:2.0:User.");
        }
        else if (!IsExtensionUrn(urn))
        {
            mistakes.Add("id", $"'{Shorten(urn)}' is not a schema URN Roster accepts: it must start with 'urn:', end with ':{{version}}:{{name}}' (e.g. ':2.0:User'), hold only letters, digits and '.-_:', and be at most {MaxUrnLength} characters.");
        }
    }

    private static List<AttributeDefinition> ReadAttributes(JsonArray list, AttributeDefinition? parent, string field, Mistakes mistakes)
    {
        var where = parent is null ? "the schema" : $"'{parent.Name}'";
        var attributes = new List<AttributeDefinition>();
        for (var i = 0; i < list.Count && !mistakes.Full; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
            if (list[i] is not JsonObject json)
            {
                mistakes.Add(at, $"Each attribute of {where} must be an object.");
                continue;
            }

            if (ReadAttribute(json, parent, at, mistakes) is not { } attribute)
            {
                continue;
            }

            if (attributes.Exists(a => string.Equals(a.Name, attribute.Name, StringComparison.OrdinalIgnoreCase)))
            {
                mistakes.Add($"{at}.name", $"{char.ToUpperInvariant(where[0])}{where[1..]} defines '{attribute.Name}' twice (names ignore case).");
                continue;
            }

            attributes.Add(attribute);
        }

        return attributes;
    }

    /// <summary>The attribute, or null when it has a mistake (each one added to <paramref name="mistakes"/>).</summary>
    private static AttributeDefinition? ReadAttribute(JsonObject json, AttributeDefinition? parent, string at, Mistakes mistakes)
    {
        var before = mistakes.Count;
        var name = RequiredText(json, "name", parent is null ? "an attribute" : $"a sub-attribute of '{parent.Name}'", $"{at}.name", mistakes);
        if (name is not null && (name.Length > MaxNameLength || name.StartsWith('$') || !AttributePathParser.IsAttributeName(name)))
        {
            mistakes.Add($"{at}.name", $"'{Shorten(name)}' is not an attribute name: it must start with a letter, hold only letters, digits, '-' and '_', and be at most {MaxNameLength} characters.");
        }

        // Later sentences name the attribute as people wrote it, or by its place when it has no name.
        var label = name ?? at;
        var path = parent is null ? label : $"{parent.Name}.{label}";
        var type = Enum(json, "type", path, $"{at}.type", CharacteristicNames.Types, mistakes, required: true);
        var multiValued = Flag(json, "multiValued", path, at, mistakes);
        var itemDescription = OptionalText(json, "description", $"'{path}'", $"{at}.description", MaxDescriptionLength, mistakes) ?? "";
        var required = Flag(json, "required", path, at, mistakes);
        var caseExact = Flag(json, "caseExact", path, at, mistakes);
        var mutability = Enum(json, "mutability", path, $"{at}.mutability", CharacteristicNames.Mutabilities, mistakes) ?? Mutability.ReadWrite;
        var returned = Enum(json, "returned", path, $"{at}.returned", CharacteristicNames.Returns, mistakes) ?? Returned.Default;
        var uniqueness = Enum(json, "uniqueness", path, $"{at}.uniqueness", CharacteristicNames.Uniquenesses, mistakes) ?? Uniqueness.None;
        var canonicalValues = Strings(json, "canonicalValues", path, $"{at}.canonicalValues", MaxCanonicalValues, mistakes);
        var referenceTypes = type == AttributeType.Reference ? Strings(json, "referenceTypes", path, $"{at}.referenceTypes", 20, mistakes) : [];

        if (canonicalValues.Count > 0 && type is not (null or AttributeType.String or AttributeType.Reference))
        {
            mistakes.Add($"{at}.canonicalValues", $"'{path}' lists canonical values, which only string attributes can have.");
        }

        if (mutability == Mutability.WriteOnly && returned != Returned.Never)
        {
            mistakes.Add($"{at}.returned", $"'{path}' is writeOnly, so its 'returned' must be \"never\" (RFC 7643 section 7).");
        }

        if (required && mutability == Mutability.ReadOnly)
        {
            mistakes.Add($"{at}.required", $"'{path}' cannot be both required and readOnly: no client could ever set it.");
        }

        if (uniqueness != Uniqueness.None
            && (parent is not null || multiValued || type is AttributeType.Complex or AttributeType.Boolean or AttributeType.Binary))
        {
            mistakes.Add($"{at}.uniqueness", $"'{path}' cannot be unique: uniqueness applies to a single top-level string, number, dateTime or reference.");
        }

        List<AttributeDefinition> subAttributes = [];
        if (type == AttributeType.Complex)
        {
            if (parent is not null)
            {
                mistakes.Add($"{at}.type", $"'{path}' cannot be complex: a complex attribute's sub-attributes are simple (RFC 7643 section 2.3.8).");
            }
            else if (json["subAttributes"] is not JsonArray subs || subs.Count == 0)
            {
                mistakes.Add($"{at}.subAttributes", $"'{path}' is complex, so it needs a non-empty 'subAttributes' array.");
            }
            else if (subs.Count > MaxSubAttributes)
            {
                mistakes.Add($"{at}.subAttributes", $"'{path}' may have at most {MaxSubAttributes} sub-attributes.");
            }
            else if (name is not null)
            {
                var shell = new AttributeDefinition { Name = name, Type = AttributeType.Complex };
                subAttributes = ReadAttributes(subs, shell, $"{at}.subAttributes", mistakes);
            }
        }
        else if (type is not null && json["subAttributes"] is JsonArray { Count: > 0 })
        {
            mistakes.Add($"{at}.subAttributes", $"'{path}' has sub-attributes, which only a complex attribute can have.");
        }

        if (mistakes.Count > before || name is null || type is not { } known)
        {
            return null;
        }

        return new AttributeDefinition
        {
            Name = name,
            Type = known,
            MultiValued = multiValued,
            Description = itemDescription,
            Required = required,
            CaseExact = caseExact,
            Mutability = mutability,
            Returned = returned,
            Uniqueness = uniqueness,
            CanonicalValues = canonicalValues,
            CanonicalValuesEnforced = canonicalValues.Count > 0,
            ReferenceTypes = known == AttributeType.Reference ? referenceTypes is { Count: > 0 } ? referenceTypes : ["external"] : [],
            SubAttributes = subAttributes,
        };
    }

    private static string? RequiredText(JsonObject json, string key, string what, string field, Mistakes mistakes)
    {
        var before = mistakes.Count;
        if (OptionalText(json, key, what, field, MaxUrnLength + 1, mistakes) is { Length: > 0 } text)
        {
            return text;
        }

        if (mistakes.Count == before)
        {
            mistakes.Add(field, $"'{key}' of {what} is required.");
        }

        return null;
    }

    private static string? OptionalText(JsonObject json, string key, string what, string field, int maxLength, Mistakes mistakes)
    {
        if (json[key] is null)
        {
            return null;
        }

        if (json[key] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            mistakes.Add(field, $"'{key}' of {what} must be a string.");
            return null;
        }

        var text = value.GetValue<string>().Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        mistakes.Add(field, $"'{key}' of {what} is longer than {maxLength} characters.");
        return null;
    }

    private static bool Flag(JsonObject json, string key, string path, string at, Mistakes mistakes)
    {
        switch (json[key])
        {
            case null:
                return false;
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return value.GetValueKind() == JsonValueKind.True;
            default:
                mistakes.Add($"{at}.{key}", $"'{key}' of '{path}' must be true or false.");
                return false;
        }
    }

    private static T? Enum<T>(JsonObject json, string key, string path, string field, IReadOnlyDictionary<string, T> names, Mistakes mistakes, bool required = false)
        where T : struct
    {
        var choices = string.Join(", ", names.Keys);
        if (json[key] is null)
        {
            if (required)
            {
                mistakes.Add(field, $"'{key}' of '{path}' is required: one of {choices}.");
            }

            return null;
        }

        if (json[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && names.FirstOrDefault(n => string.Equals(n.Key, value.GetValue<string>(), StringComparison.OrdinalIgnoreCase)) is { Key: not null } found)
        {
            return found.Value;
        }

        mistakes.Add(field, $"'{key}' of '{path}' must be one of {choices}.");
        return null;
    }

    private static List<string> Strings(JsonObject json, string key, string path, string field, int max, Mistakes mistakes)
    {
        if (json[key] is null)
        {
            return [];
        }

        if (json[key] is not JsonArray array || array.Count > max
            || !array.All(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>().Length is > 0 and <= MaxCanonicalValueLength))
        {
            mistakes.Add(field, $"'{key}' of '{path}' must be an array of at most {max} non-empty strings of at most {MaxCanonicalValueLength} characters.");
            return [];
        }

        var values = array.Select(v => v!.GetValue<string>()).ToList();
        if (values.Distinct(StringComparer.Ordinal).Count() == values.Count)
        {
            return values;
        }

        mistakes.Add(field, $"'{key}' of '{path}' lists a value twice.");
        return [];
    }

    private static string Shorten(string text) => FilterSyntaxErrors.Shorten(text);

    /// <summary>The mistakes found so far, at most <see cref="MaxErrors"/>.</summary>
    private sealed class Mistakes
    {
        private readonly List<SchemaFieldError> _all = [];

        public int Count => _all.Count;

        public bool Full => _all.Count >= MaxErrors;

        public IReadOnlyList<SchemaFieldError> All => _all;

        public void Add(string field, FormattableString detail)
        {
            if (!Full)
            {
                _all.Add(SchemaFieldError.Of(field, detail));
            }
        }
    }
}
