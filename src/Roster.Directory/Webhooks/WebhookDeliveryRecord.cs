namespace Roster.Directory.Webhooks;

/// <summary>
/// One row of <c>webhook_deliveries</c>: an event owed to an endpoint. It is <c>pending</c> until a
/// 2xx answer (<c>delivered</c>) or until the endpoint is given up on (<c>dead</c>, a dead letter).
/// A node that sends it first claims it with a lease (<see cref="LeaseOwner"/>, <see cref="LeaseUntil"/>);
/// a killed node's lease runs out and another node sends it again.
/// </summary>
public sealed class WebhookDeliveryRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public Guid EndpointId { get; set; }

    public long Sequence { get; set; }

    public Guid EventId { get; set; }

    public required string Type { get; set; }

    public Guid ResourceId { get; set; }

    public required string State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset? LastAttempt { get; set; }

    public DateTimeOffset? Delivered { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}
