namespace Roster.Directory.Events;

/// <summary>
/// One row of <c>events</c>: a directory event in its tenant's feed. <see cref="Sequence"/> is the
/// position in the feed, assigned inside the tenant's write lock so that sequences commit in
/// order and without holes (docs/events.md, "Ordering"); <see cref="Payload"/> is the event's
/// JSON as consumers receive it, less its sequence (added when read).
/// </summary>
public sealed class EventRecord
{
    public Guid TenantId { get; set; }

    public long Sequence { get; set; }

    public Guid Id { get; set; }

    public required string Type { get; set; }

    public DateTimeOffset Occurred { get; set; }

    public required string ResourceType { get; set; }

    public Guid ResourceId { get; set; }

    public required string Payload { get; set; }
}
