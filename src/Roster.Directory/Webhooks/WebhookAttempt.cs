namespace Roster.Directory.Webhooks;

/// <summary>One line of an endpoint's delivery log (<see cref="WebhookAttemptRecord"/>).</summary>
public sealed record WebhookAttempt(
    Guid Id,
    Guid? DeliveryId,
    Guid EventId,
    string Type,
    int Attempt,
    DateTimeOffset Attempted,
    int DurationMs,
    string Request,
    int? ResponseStatus,
    string? Response,
    string? Error)
{
    public bool Succeeded => ResponseStatus is >= 200 and < 300;
}
