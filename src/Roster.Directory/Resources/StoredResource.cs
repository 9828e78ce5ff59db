using System.Text.Json.Nodes;

namespace Roster.Directory.Resources;

/// <summary>
/// A user or group as stored: the full SCIM document (schemas, id, attributes, <c>meta</c>
/// with resourceType, created, lastModified and version, but no location, which depends on the
/// request's base URL), and the version behind its ETag.
/// </summary>
public sealed record StoredResource(string Id, long Version, JsonObject Document);
