using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Patching;

/// <summary>
/// Applies PATCH operations to one resource document in place: resolves each target against
/// the resource type, enforces mutability, and hands the change to <see cref="SingularPatch"/>,
/// <see cref="WholeValuesPatch"/> or <see cref="SelectedValuesPatch"/>. Works on a copy owned by <see cref="PatchEngine"/>.
/// </summary>
/// <param name="resource">The document to change.</param>
/// <param name="resourceType">Its resource type.</param>
internal sealed class ResourcePatcher(JsonObject resource, ResourceTypeDefinition resourceType)
{
    public void Apply(PatchOperation operation)
    {
        if (operation.Path is null)
        {
            ApplyWithoutPath(operation.Type, operation.Value);
        }
        else
        {
            ApplyAtPath(operation.Type, operation.Path, operation.Value, lenient: false);
        }
    }

    /// <summary>
    /// RFC 7644 section 3.5.2: without a path, the value is an object of attributes, each added
    /// or replaced as if named by a path. Members are read leniently: read-only attributes are
    /// skipped (Okta sends {"id": "...", "active": false} and Entra ID echoes meta and groups;
    /// Okta SCIM 2.0 guide, https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20),
    /// and attributes or extensions this resource type does not define are ignored rather than
    /// rejected, because IdPs send every mapped attribute whatever the target supports.
    /// </summary>
    private void ApplyWithoutPath(PatchOperationType type, JsonNode? value)
    {
        if (type == PatchOperationType.Remove)
        {
            throw new ScimException(ScimError.NoTarget("\"remove\" needs a \"path\" naming what to remove."));
        }

        if (value is not JsonObject attributes)
        {
            throw new ScimException(ScimError.InvalidValue("Without a \"path\", the \"value\" must be an object of attributes."));
        }

        foreach (var (name, attributeValue) in attributes)
        {
            ApplyMember(type, name, attributeValue);
        }
    }

    private void ApplyMember(PatchOperationType type, string name, JsonNode? value)
    {
        var key = AttributeKey.Classify(name, resourceType);
        switch (key.Kind)
        {
            case AttributeKeyKind.Schema:
                ApplyToSchema(type, key.Schema!, value, lenient: true);
                break;
            case AttributeKeyKind.Attribute:
                ApplyToAttribute(type, key.Resolution!, null, null, value, lenient: true);
                break;
            case AttributeKeyKind.ValuePath:
                // Entra ID: {"op": "replace", "value": {"emails[type eq \"work\"].value": "x"}}.
                // Source: "Known issues and resolutions with SCIM 2.0 protocol compliance of the
                // Microsoft Entra user provisioning service",
                // https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
                ApplyAtPath(type, PatchPathParser.Parse(name).GetValueOrThrow(), value, lenient: true);
                break;
            default:
                break;
        }
    }

    private void ApplyAtPath(PatchOperationType type, PatchPath path, JsonNode? value, bool lenient)
    {
        if (path.IsSchema)
        {
            var schema = resourceType.FindSchema(path.Attribute.SchemaUrn!);
            if (schema is not null)
            {
                ApplyToSchema(type, schema, value, lenient);
            }
            else if (!lenient)
            {
                throw new ScimException(ScimError.InvalidPath($"'{path}' is not a schema of the {resourceType.Name} resource type."));
            }

            return;
        }

        var resolution = resourceType.Resolve(path.Attribute);
        if (resolution is not null)
        {
            ApplyToAttribute(type, resolution, path.ValueFilter, path.SubAttribute, value, lenient, path.ToString());
        }
        else if (!lenient)
        {
            var unknownSchema = path.Attribute.SchemaUrn is { } urn && resourceType.FindSchema(urn) is null;
            throw new ScimException(ScimError.InvalidPath(unknownSchema
                ? $"'{path.Attribute.SchemaUrn}' is not a schema of the {resourceType.Name} resource type."
                : $"'{path.Attribute}' is not an attribute of the {resourceType.Name} resource type."));
        }
    }

    /// <summary>A whole schema as the target: its URN as a path, or as a member of a value without a path.</summary>
    private void ApplyToSchema(PatchOperationType type, SchemaDefinition schema, JsonNode? value, bool lenient)
    {
        var isCore = ReferenceEquals(schema, resourceType.Schema);
        if (type == PatchOperationType.Remove || AttributeValueConformer.IsClearing(value))
        {
            if (isCore)
            {
                throw new ScimException(ScimError.InvalidPath($"The core schema '{schema.Id}' cannot be removed."));
            }

            ResourceProperties.Remove(resource, schema.Id);
            return;
        }

        if (value is not JsonObject attributes)
        {
            throw new ScimException(ScimError.InvalidValue($"The value for '{schema.Id}' must be an object of that schema's attributes."));
        }

        foreach (var (name, attributeValue) in attributes)
        {
            // Some clients send an extension's value as a whole resource fragment, with its own
            // "schemas" list ({"op": "add", "path": "urn:...:User", "value": {"schemas": [...],
            // "employeeNumber": "7"}}). It names schemas, not an attribute of this one: ignored,
            // as in a POST body, where "schemas" is rewritten from the data.
            if (string.Equals(name, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var local = AttributePathParser.Parse(name);
            if (!local.IsSuccess || local.Value.SchemaUrn is not null)
            {
                continue;
            }

            if (resourceType.Resolve(local.Value with { SchemaUrn = schema.Id }) is { } resolution)
            {
                ApplyToAttribute(type, resolution, null, null, attributeValue, lenient);
            }
            else if (!lenient)
            {
                throw new ScimException(ScimError.InvalidPath($"'{local.Value}' is not an attribute of '{schema.Id}'."));
            }
        }
    }

    private void ApplyToAttribute(
        PatchOperationType type,
        AttributeResolution resolution,
        FilterNode? filter,
        string? subAttributeName,
        JsonNode? value,
        bool lenient,
        string? pathText = null)
    {
        var attribute = resolution.Attribute;
        var path = resolution.IsCoreSchema(resourceType) ? attribute.Name : $"{resolution.Schema.Id}:{attribute.Name}";
        pathText ??= resolution.SubAttribute is null ? path : $"{path}.{resolution.SubAttribute.Name}";

        // Which values of a multi-valued attribute, and which of their sub-attributes, are the target.
        var selects = filter is not null || subAttributeName is not null || (attribute.MultiValued && resolution.SubAttribute is not null);
        var elementSub = attribute.MultiValued ? resolution.SubAttribute : null;
        if (selects && !attribute.MultiValued)
        {
            if (lenient)
            {
                return;
            }

            throw new ScimException(ScimError.InvalidPath($"'{pathText}': '{path}' is not multi-valued, so a value filter cannot select among its values."));
        }

        if (subAttributeName is not null)
        {
            elementSub = attribute.FindSubAttribute(subAttributeName);
            if (elementSub is null)
            {
                if (lenient)
                {
                    return;
                }

                throw new ScimException(ScimError.InvalidPath($"'{pathText}': '{subAttributeName}' is not a sub-attribute of '{path}'."));
            }
        }

        var target = elementSub ?? resolution.SubAttribute ?? attribute;
        if (attribute.Mutability == Mutability.ReadOnly || target.Mutability == Mutability.ReadOnly)
        {
            if (lenient)
            {
                return;
            }

            throw MutabilityRule.ReadOnly(pathText);
        }

        var container = resolution.IsCoreSchema(resourceType)
            ? resource
            : ResourceProperties.GetObject(resource, resolution.Schema.Id, create: type != PatchOperationType.Remove);
        if (container is null)
        {
            return;
        }

        if (attribute.MultiValued)
        {
            var values = new MultiValuedAttribute(container, attribute, path);
            if (selects)
            {
                SelectedValuesPatch.Apply(values, type, filter, elementSub, value);
            }
            else
            {
                WholeValuesPatch.Apply(values, type, value);
            }
        }
        else if (resolution.SubAttribute is not null)
        {
            SingularPatch.ApplyToSubAttribute(container, attribute, resolution.SubAttribute, type, value, path);
        }
        else
        {
            SingularPatch.Apply(container, attribute, type, value, path);
        }
    }
}
