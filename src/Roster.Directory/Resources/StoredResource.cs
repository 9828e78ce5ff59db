using System.Text.Json.Nodes;

namespace Roster.Directory.Resources;

/// <summary>
/// A user or group as stored: the full SCIM document (schemas, id, attributes, <c>meta</c>
/// with resourceType, created, lastModified and version, but no location, which depends on the
/// request's base URL), and the version behind its ETag. A derived attribute too large to hold
/// (a big group's <c>members</c>) is not in the document but in <see cref="Streamed"/>, read
/// while the response is written.
/// </summary>
public sealed record StoredResource(string Id, long Version, JsonObject Document)
{
    /// <summary>The derived attribute's values when they are streamed rather than in <see cref="Document"/>.</summary>
    public Groups.DeferredMemberships? Streamed { get; init; }
}
