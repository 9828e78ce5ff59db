using System.Text.Json.Nodes;

namespace Roster.Scim.Patching;

/// <summary>One operation of a SCIM PATCH request, already parsed.</summary>
/// <param name="Type">add, remove or replace (the wire value's case is ignored).</param>
/// <param name="Path">The target, or null for an operation on the whole resource.</param>
/// <param name="Value">The value; null for remove, or when absent.</param>
public sealed record PatchOperation(PatchOperationType Type, PatchPath? Path, JsonNode? Value);
