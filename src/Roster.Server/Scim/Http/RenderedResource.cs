using System.Text.Json.Nodes;

namespace Roster.Server.Scim.Http;

/// <summary>A resource as the response shows it, and its derived attribute when that is written as it is read.</summary>
/// <param name="Document">The projected resource.</param>
/// <param name="Streamed">The derived attribute's values, written into <paramref name="Document"/> as they are read; null when none.</param>
public sealed record RenderedResource(JsonObject Document, StreamedValues? Streamed);
