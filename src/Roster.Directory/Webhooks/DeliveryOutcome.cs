namespace Roster.Directory.Webhooks;

/// <summary>What one request for a delivery (or a test event, without <see cref="Delivery"/>) did, for the delivery log.</summary>
public sealed record DeliveryOutcome(
    ClaimedDelivery? Delivery,
    Guid EventId,
    string Type,
    DateTimeOffset Attempted,
    TimeSpan Duration,
    string Request,
    int? Status,
    string? Response,
    string? Error)
{
    /// <summary>2xx means delivered; anything else, or no answer, is tried again.</summary>
    public bool Succeeded => Status is >= 200 and < 300;
}
