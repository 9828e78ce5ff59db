namespace Roster.Directory.Webhooks;

/// <summary>A delivery this node holds a lease on, with the event's JSON to send (null when the event is past retention).</summary>
public sealed record ClaimedDelivery(Guid Id, long Sequence, Guid EventId, string Type, Guid ResourceId, int Attempts, string? Payload);
