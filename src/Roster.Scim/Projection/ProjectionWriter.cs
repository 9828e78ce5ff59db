using System.Text.Json.Nodes;
using Roster.Scim.Schemas;

namespace Roster.Scim.Projection;

/// <summary>Applies one <see cref="AttributeProjection"/> to resources of one resource type.</summary>
internal sealed class ProjectionWriter
{
    private readonly ResourceTypeDefinition resourceType;
    private readonly bool includeMode;
    private readonly List<Selection> selections;

    public ProjectionWriter(AttributeProjection projection, ResourceTypeDefinition resourceType)
    {
        this.resourceType = resourceType;
        includeMode = projection.Attributes.Count > 0;
        var selectors = includeMode ? projection.Attributes : projection.ExcludedAttributes;
        selections = selectors.Select(Normalize).ToList();
    }

    /// <summary>
    /// A selector with its schema made explicit: unqualified names belong to the core schema;
    /// <see cref="Name"/> is null when the whole schema is selected.
    /// </summary>
    private sealed record Selection(string SchemaId, string? Name, string? SubAttribute);

    public JsonObject Write(JsonObject resource)
    {
        var result = new JsonObject();
        foreach (var (key, value) in resource)
        {
            if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                result[key] = value?.DeepClone();
                continue;
            }

            if (value is JsonObject extensionObject && Extension(key) is { } extension)
            {
                var projected = WriteSchemaObject(extensionObject, extension);
                if (projected.Count > 0)
                {
                    result[key] = projected;
                }

                continue;
            }

            var definition = resourceType.Schema.FindAttribute(key) ?? CommonAttributeDefinitions.Find(key);
            if (TryProject(resourceType.Schema.Id, key, definition, value, out var kept))
            {
                result[key] = kept;
            }
        }

        return result;
    }

    // Every response runs this for each of its attributes: a loop, not a query, so it allocates nothing.
    private SchemaDefinition? Extension(string key)
    {
        foreach (var extension in resourceType.Extensions)
        {
            if (string.Equals(extension.Schema.Id, key, StringComparison.OrdinalIgnoreCase))
            {
                return extension.Schema;
            }
        }

        return null;
    }

    private JsonObject WriteSchemaObject(JsonObject source, SchemaDefinition schema)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (TryProject(schema.Id, key, schema.FindAttribute(key), value, out var kept))
            {
                result[key] = kept;
            }
        }

        return result;
    }

    private bool TryProject(string schemaId, string name, AttributeDefinition? definition, JsonNode? value, out JsonNode? projected)
    {
        projected = null;
        var returned = definition?.Returned ?? Returned.Default;
        if (returned == Returned.Never)
        {
            return false;
        }

        if (returned == Returned.Always)
        {
            return TryKeep(definition, value, static (_, sub) => Returnable(sub), out projected);
        }

        if (includeMode)
        {
            return TryProjectIncluded(schemaId, name, definition, returned, value, out projected);
        }

        if (returned == Returned.Request || SelectsSchema(schemaId) || Selects(schemaId, name, null))
        {
            return false;
        }

        // No excludedAttributes (most responses): what the rule for excluded ones keeps when
        // nothing is excluded, with no closure per attribute.
        return selections.Count == 0
            ? TryKeep(definition, value, static (_, sub) => Returnable(sub) && ReturnedOf(sub) != Returned.Request, out projected)
            : TryProjectExcluded(schemaId, name, definition, value, out projected);
    }

    private bool TryProjectIncluded(string schemaId, string name, AttributeDefinition? definition, Returned returned, JsonNode? value, out JsonNode? projected)
    {
        projected = null;
        if (Selects(schemaId, name, null))
        {
            return TryKeep(definition, value, (subName, sub) => Returnable(sub) && (ReturnedOf(sub) != Returned.Request || Selects(schemaId, name, subName)), out projected);
        }

        if (selections.Any(s => Matches(s, schemaId, name) && s.SubAttribute is not null))
        {
            return TryKeep(definition, value, (subName, sub) => ReturnedOf(sub) == Returned.Always || (Returnable(sub) && Selects(schemaId, name, subName)), out projected);
        }

        return returned != Returned.Request
            && SelectsSchema(schemaId)
            && TryKeep(definition, value, static (_, sub) => Returnable(sub) && ReturnedOf(sub) != Returned.Request, out projected);
    }

    private bool TryProjectExcluded(string schemaId, string name, AttributeDefinition? definition, JsonNode? value, out JsonNode? projected) =>
        TryKeep(
            definition,
            value,
            (subName, sub) => ReturnedOf(sub) == Returned.Always
                || (Returnable(sub) && ReturnedOf(sub) != Returned.Request && !Selects(schemaId, name, subName)),
            out projected);

    /// <summary>
    /// Copies <paramref name="value"/>, keeping the sub-attributes of complex values that
    /// <paramref name="keep"/> accepts. A complex value emptied by that is left out, and so is
    /// an attribute whose every element was.
    /// </summary>
    private static bool TryKeep(AttributeDefinition? definition, JsonNode? value, Func<string, AttributeDefinition?, bool> keep, out JsonNode? projected)
    {
        switch (value)
        {
            case JsonObject obj:
                var kept = KeepSubAttributes(definition, obj, keep);
                projected = kept;
                return kept.Count > 0 || obj.Count == 0;
            case JsonArray array:
                var elements = new JsonArray();
                foreach (var element in array)
                {
                    if (element is JsonObject elementObject)
                    {
                        var keptElement = KeepSubAttributes(definition, elementObject, keep);
                        if (keptElement.Count > 0 || elementObject.Count == 0)
                        {
                            elements.Add(keptElement);
                        }
                    }
                    else
                    {
                        elements.Add(element?.DeepClone());
                    }
                }

                projected = elements;
                return elements.Count > 0 || array.Count == 0;
            default:
                projected = value?.DeepClone();
                return true;
        }
    }

    private static JsonObject KeepSubAttributes(AttributeDefinition? definition, JsonObject source, Func<string, AttributeDefinition?, bool> keep)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (keep(key, definition?.FindSubAttribute(key)))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }

    private static Returned ReturnedOf(AttributeDefinition? definition) => definition?.Returned ?? Returned.Default;

    private static bool Returnable(AttributeDefinition? definition) => ReturnedOf(definition) != Returned.Never;

    private bool Selects(string schemaId, string name, string? subAttribute)
    {
        foreach (var selection in selections)
        {
            if (Matches(selection, schemaId, name) && string.Equals(selection.SubAttribute, subAttribute, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool SelectsSchema(string schemaId)
    {
        foreach (var selection in selections)
        {
            if (selection.Name is null && string.Equals(selection.SchemaId, schemaId, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(Selection selection, string schemaId, string name) =>
        string.Equals(selection.SchemaId, schemaId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(selection.Name, name, StringComparison.OrdinalIgnoreCase);

    private Selection Normalize(AttributeSelector selector)
    {
        if (selector.Attribute is not { } path)
        {
            return new Selection(selector.SchemaUrn!, null, null);
        }

        // A schema URN that does not end in :{version}:{name} parses as an attribute path
        // (urn:example:scim:Employee reads as attribute Employee of urn:example:scim); the
        // resource type knows better.
        if (path.SchemaUrn is not null && resourceType.FindSchema(path.ToString()) is { } schema)
        {
            return new Selection(schema.Id, null, null);
        }

        return new Selection(path.SchemaUrn ?? resourceType.Schema.Id, path.Name, path.SubAttribute);
    }
}
