using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.SchemaExtensions;
using Roster.Scim.Discovery;

namespace Roster.Server.Console.Pages.Settings.ScimSchema;

/// <summary>
/// The form's boxes as the admin API's body (<c>schema</c> as RFC 7643 section 7 writes it) and
/// back, and which box a refusal's field belongs next to. The form only transcribes: every rule
/// is the use cases' (<see cref="DefineSchemaExtension"/>, <see cref="ChangeSchemaExtension"/>).
/// </summary>
public sealed class SchemaExtensionForm
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The row of each attribute the schema holds, in order (blank rows are not sent).</summary>
    private readonly List<int> _rowOf;

    private SchemaExtensionForm(JsonObject schema, List<int> rowOf, int? unreadableRow)
    {
        Schema = schema;
        _rowOf = rowOf;
        UnreadableRow = unreadableRow;
    }

    public JsonObject Schema { get; }

    /// <summary>The first row whose sub-attributes are not a JSON array, if any.</summary>
    public int? UnreadableRow { get; }

    public static SchemaExtensionForm From(string? urn, string? name, string? description, IReadOnlyList<SchemaAttributeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var attributes = new JsonArray();
        var rowOf = new List<int>();
        int? unreadable = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank)
            {
                continue;
            }

            var attribute = new JsonObject
            {
                ["name"] = Trimmed(row.Name),
                ["type"] = row.Type,
                ["multiValued"] = row.MultiValued,
                ["required"] = row.Required,
                ["caseExact"] = row.CaseExact,
                ["mutability"] = row.Mutability,
                ["returned"] = row.Returned,
                ["uniqueness"] = row.Uniqueness,
            };
            if (Trimmed(row.Description) is { } text)
            {
                attribute["description"] = text;
            }

            if (Lines(row.CanonicalValues) is { Count: > 0 } values)
            {
                attribute["canonicalValues"] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
            }

            if (Lines(row.ReferenceTypes) is { Count: > 0 } types)
            {
                attribute["referenceTypes"] = new JsonArray([.. types.Select(v => (JsonNode)v)]);
            }

            if (Trimmed(row.SubAttributes) is { } subs)
            {
                try
                {
                    attribute["subAttributes"] = JsonNode.Parse(subs) is JsonArray array ? array : throw new JsonException();
                }
                catch (JsonException)
                {
                    unreadable ??= i;
                }
            }

            attributes.Add(attribute);
            rowOf.Add(i);
        }

        var schema = new JsonObject { ["id"] = Trimmed(urn), ["attributes"] = attributes };
        if (Trimmed(name) is { } named)
        {
            schema["name"] = named;
        }

        if (Trimmed(description) is { } described)
        {
            schema["description"] = described;
        }

        return new SchemaExtensionForm(schema, rowOf, unreadable);
    }

    /// <summary>The rows of a stored extension, as <c>/Schemas</c> serves its attributes.</summary>
    public static List<SchemaAttributeRow> RowsOf(SchemaExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var schema = SchemaDocumentWriter.Write(extension.Schema, "");
        return [.. (schema["attributes"] as JsonArray ?? []).OfType<JsonObject>().Select(a => new SchemaAttributeRow
        {
            Name = Text(a, "name"),
            Type = Text(a, "type"),
            MultiValued = a["multiValued"]?.GetValue<bool>() ?? false,
            Required = a["required"]?.GetValue<bool>() ?? false,
            CaseExact = a["caseExact"]?.GetValue<bool>() ?? false,
            Mutability = Text(a, "mutability") ?? "readWrite",
            Returned = Text(a, "returned") ?? "default",
            Uniqueness = Text(a, "uniqueness") ?? "none",
            Description = Text(a, "description"),
            CanonicalValues = a["canonicalValues"] is JsonArray values ? string.Join('\n', values.Select(v => v?.GetValue<string>())) : null,
            ReferenceTypes = a["referenceTypes"] is JsonArray types && Text(a, "type") == "reference" ? string.Join('\n', types.Select(v => v?.GetValue<string>())) : null,
            SubAttributes = a["subAttributes"] is JsonArray { Count: > 0 } subs ? subs.ToJsonString(Indented) : null,
        })];
    }

    /// <summary>
    /// The form's box for a refusal's field (<c>schema.attributes[2].type</c> is the third sent
    /// attribute's type box), or null for one shown above the form.
    /// </summary>
    public string? BoxOf(string? field)
    {
        switch (field)
        {
            case null or "schema":
                return null;
            case "resourceType":
                return "ResourceType";
            case "schema.id":
                return "Urn";
            case "schema.name":
                return "Name";
            case "schema.description":
                return "Description";
            case "schema.attributes":
                return "Attributes";
        }

        const string Prefix = "schema.attributes[";
        if (!field.StartsWith(Prefix, StringComparison.Ordinal) || field.IndexOf(']', Prefix.Length) is not (> 0 and var close)
            || !int.TryParse(field.AsSpan(Prefix.Length, close - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= _rowOf.Count)
        {
            return null;
        }

        // A sub-attribute's mistakes belong next to the sub-attributes box; an attribute that is not an object, next to its name.
        var rest = field[(close + 1)..];
        var box = rest.StartsWith(".subAttributes", StringComparison.Ordinal) ? "SubAttributes"
            : rest.Length > 1 && rest[0] == '.' ? char.ToUpperInvariant(rest[1]) + rest[2..]
            : "Name";
        return RowBox(_rowOf[index], box);
    }

    /// <summary>The model-state key of a row's box, as the form's input names it.</summary>
    public static string RowBox(int row, string box) => string.Create(CultureInfo.InvariantCulture, $"Attributes[{row}].{box}");

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Text(JsonObject json, string key) => json[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
