using System.Text.Json.Nodes;
using Roster.Directory.SchemaExtensions;

namespace Roster.Server.Admin.SchemaExtensions;

/// <summary>Defines or replaces an extension: <c>resourceType</c> ("User" or "Group"), <c>required</c> (false when left out) and <c>schema</c> as RFC 7643 section 7 writes one.</summary>
public sealed record SchemaExtensionRequest(string? ResourceType, bool? Required, JsonObject? Schema)
{
    public SchemaExtensionDraft ToDraft() => new(ResourceType, Required ?? false, Schema);
}
