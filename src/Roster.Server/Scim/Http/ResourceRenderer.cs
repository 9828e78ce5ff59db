using System.Text.Json.Nodes;
using Roster.Directory.Groups;
using Roster.Directory.Resources;
using Roster.Scim.Projection;
using Roster.Scim.Schemas;

namespace Roster.Server.Scim.Http;

/// <summary>
/// Turns a stored resource into the response document: completes <c>meta</c> (location,
/// version) and the <c>$ref</c> of members and groups for this request's base URL, then applies
/// the requested projection. A derived attribute the store streams (a big group's members) is
/// described for the writer (<see cref="StreamedValues"/>), with the sub-attributes the projection keeps.
/// The stored resource's document is the request's own (parsed from its row for this request, or
/// built by the use case that wrote it) and is completed in place, not copied first: the
/// projection makes the one copy the response needs.
/// </summary>
public sealed class ResourceRenderer(ScimUrls urls)
{
    /// <summary>The attribute a resource type derives from membership rows: a Group's <c>members</c>, a User's <c>groups</c>.</summary>
    public static string DerivedAttribute(ResourceTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Name == ScimResourceTypes.Group.Name ? "members" : "groups";
    }

    public RenderedResource Render(HttpRequest request, StoredResource resource, ResourceTypeDefinition type, AttributeProjection projection)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The tenant's own extensions decide what their attributes' "returned" lets through.
        type = request.HttpContext.GetTenantSchemas().For(type);
        var document = RenderDocument(request, resource, type, projection);
        return new RenderedResource(document, resource.Streamed is { } values ? Streamed(request, resource, type, projection, document, values) : null);
    }

    private JsonObject RenderDocument(HttpRequest request, StoredResource resource, ResourceTypeDefinition type, AttributeProjection projection)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(projection);
        var scimBase = urls.ScimBase(request);
        var document = resource.Document;
        if (document["meta"] is not JsonObject meta)
        {
            meta = new JsonObject { ["resourceType"] = type.Name };
            document["meta"] = meta;
        }

        meta["location"] = $"{scimBase}{type.Endpoint}/{resource.Id}";
        meta["version"] = EntityTag.Format(resource.Version);
        AddReferences(document["members"], scimBase);
        AddReferences(document["groups"], scimBase, defaultEndpoint: "/Groups");
        AddManagerReference(document, scimBase);
        return projection.Apply(document, type);
    }

    /// <summary>
    /// What the writer needs to write streamed values: the sub-attributes the projection keeps,
    /// found by projecting a resource holding one value with all of them; null when the projection
    /// leaves the attribute out.
    /// </summary>
    private StreamedValues? Streamed(HttpRequest request, StoredResource resource, ResourceTypeDefinition type, AttributeProjection projection, JsonObject document, DeferredMemberships values)
    {
        var probe = new JsonObject
        {
            ["schemas"] = new JsonArray(type.Schema.Id),
            ["id"] = resource.Id,
            [values.Attribute] = new JsonArray(new JsonObject { ["value"] = "v", ["display"] = "d", ["type"] = "t", ["$ref"] = "r" }),
        };
        return projection.Apply(probe, type)[values.Attribute] is JsonArray { Count: 1 } kept && kept[0] is JsonObject value
            ? new StreamedValues(document, [.. value.Select(p => p.Key)], urls.ScimBase(request), values)
            : null;
    }

    public string Location(HttpRequest request, StoredResource resource, ResourceTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(type);
        return $"{urls.ScimBase(request)}{type.Endpoint}/{resource.Id}";
    }

    // RFC 7643 section 4.3: manager.$ref is the URI of the manager's User resource, built for this
    // request's base URL like the members' $ref (a stored one would name another host).
    private static void AddManagerReference(JsonObject document, string scimBase)
    {
        if (document[SchemaUris.EnterpriseUser] is JsonObject enterprise && enterprise["manager"] is JsonObject manager
            && manager["value"] is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0)
        {
            manager["$ref"] = $"{scimBase}/Users/{Uri.EscapeDataString(id)}";
        }
    }

    private static void AddReferences(JsonNode? values, string scimBase, string? defaultEndpoint = null)
    {
        if (values is not JsonArray array)
        {
            return;
        }

        foreach (var element in array)
        {
            if (element is not JsonObject item || item["value"]?.GetValue<string>() is not { } id)
            {
                continue;
            }

            var type = item["type"]?.GetValue<string>();
            var endpoint = defaultEndpoint
                ?? (string.Equals(type, "Group", StringComparison.OrdinalIgnoreCase) ? "/Groups" : "/Users");
            item["$ref"] = $"{scimBase}{endpoint}/{id}";
        }
    }
}
