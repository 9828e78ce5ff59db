using System.Text.Json.Nodes;

namespace Roster.Directory.Resources;

/// <summary>
/// Between a SCIM resource and its stored document. Stored: <c>schemas</c>, <c>id</c> and the
/// attributes, with nothing derived: no <c>meta</c> (columns), no <c>members</c> or
/// <c>groups</c> (membership rows), and no <c>password</c>, which Roster does not keep (Okta
/// and Entra ID may send one; it is accepted and dropped, since SCIM users do not sign in with it).
/// </summary>
internal static class ResourceDocuments
{
    private static readonly string[] Derived = ["id", "meta", "members", "groups", "password"];

    /// <summary>The document to store for resource <paramref name="id"/>: derived attributes out, id after schemas.</summary>
    public static JsonObject ForStorage(JsonObject resource, Guid id)
    {
        foreach (var key in resource.Select(p => p.Key).Where(k => Derived.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList())
        {
            resource.Remove(key);
        }

        var at = resource.ContainsKey("schemas") ? 1 : 0;
        resource.Insert(Math.Min(at, resource.Count), "id", id.ToString());
        return resource;
    }

    /// <summary>The stored document as a resource: the derived attribute (if any) and <c>meta</c> added.</summary>
    public static StoredResource ToResource(ResourceRow row, string resourceType, string? derivedName = null, JsonArray? derived = null) =>
        ToResource(JsonNode.Parse(row.Document)!.AsObject(), row, resourceType, derivedName, derived);

    /// <summary>As <see cref="ToResource(ResourceRow, string, string?, JsonArray?)"/>, for a document already parsed (and no longer needed as stored).</summary>
    public static StoredResource ToResource(JsonObject document, ResourceRow row, string resourceType, string? derivedName = null, JsonArray? derived = null)
    {
        if (derivedName is not null && derived is { Count: > 0 })
        {
            document[derivedName] = derived;
        }

        document["meta"] = new JsonObject
        {
            ["resourceType"] = resourceType,
            ["created"] = ScimDateTime.ToText(row.Created),
            ["lastModified"] = ScimDateTime.ToText(row.LastModified),
            ["version"] = ResourceVersion.ToETag(row.Version),
        };
        return new StoredResource(row.Id.ToString(), row.Version, document);
    }

    /// <summary>
    /// <paramref name="resource"/> with a derived attribute added: its values placed where
    /// <see cref="ToResource(JsonObject, ResourceRow, string, string?, JsonArray?)"/> puts them (before <c>meta</c>), or its stream.
    /// </summary>
    public static StoredResource WithDerived(StoredResource resource, string name, JsonArray? values, Groups.DeferredMemberships? stream)
    {
        if (values is { Count: > 0 })
        {
            var document = resource.Document;
            document.Remove(name);
            var meta = document.IndexOf("meta");
            document.Insert(meta < 0 ? document.Count : meta, name, values);
        }

        return stream is null ? resource : resource with { Streamed = stream };
    }

    /// <summary>The stored document parsed, with <c>meta</c> for rules that look at it (PUT's read-only attributes).</summary>
    public static JsonObject Parse(ResourceRow row, string resourceType) => ToResource(row, resourceType).Document;
}
