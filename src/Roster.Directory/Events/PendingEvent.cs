using System.Text.Json;

namespace Roster.Directory.Events;

/// <summary>An event about to be appended: its type, the resource it is about, and how to write its <c>data</c>.</summary>
internal sealed record PendingEvent(string Type, string ResourceType, Guid ResourceId, Action<Utf8JsonWriter> WriteData);
