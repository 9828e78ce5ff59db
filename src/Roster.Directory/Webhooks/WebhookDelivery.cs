namespace Roster.Directory.Webhooks;

/// <summary>An event owed to an endpoint: pending, delivered, or a dead letter.</summary>
public sealed record WebhookDelivery(
    Guid Id,
    long Sequence,
    Guid EventId,
    string Type,
    Guid ResourceId,
    string State,
    int Attempts,
    DateTimeOffset Created,
    DateTimeOffset? LastAttempt,
    DateTimeOffset? Delivered);
