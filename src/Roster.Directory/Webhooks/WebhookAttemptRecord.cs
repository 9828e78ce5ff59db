namespace Roster.Directory.Webhooks;

/// <summary>
/// One row of <c>webhook_attempts</c>, the delivery log: one HTTP request to an endpoint, what
/// was sent (the webhook id, the first bytes of the body) and what came back (status, first
/// bytes, or why nothing did), how long it took, and which attempt it was. Never a signature
/// or a secret.
/// </summary>
public sealed class WebhookAttemptRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public Guid EndpointId { get; set; }

    /// <summary>Null for a test event, which is not a delivery.</summary>
    public Guid? DeliveryId { get; set; }

    public Guid EventId { get; set; }

    public required string Type { get; set; }

    public int Attempt { get; set; }

    public DateTimeOffset Attempted { get; set; }

    public int DurationMs { get; set; }

    public required string Request { get; set; }

    public int? ResponseStatus { get; set; }

    public string? Response { get; set; }

    public string? Error { get; set; }
}
