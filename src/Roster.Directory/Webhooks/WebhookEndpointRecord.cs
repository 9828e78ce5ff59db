namespace Roster.Directory.Webhooks;

/// <summary>
/// One row of <c>webhook_endpoints</c>. The signing secrets are kept encrypted with ASP.NET Core
/// Data Protection (<see cref="WebhookSecrets"/>): Roster must read them to sign, so they cannot be
/// hashed like tokens. <see cref="Cursor"/> is the feed sequence up to which events were turned
/// into deliveries; <see cref="Failures"/>, <see cref="FailingSince"/> and <see cref="RetryAt"/>
/// are the endpoint's back-off.
/// </summary>
public sealed class WebhookEndpointRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public required string Url { get; set; }

    public required string Description { get; set; }

    /// <summary>Event types and families separated by spaces; empty for every type.</summary>
    public required string EventTypes { get; set; }

    public bool Enabled { get; set; }

    public string? DisabledReason { get; set; }

    public required string Secret { get; set; }

    public string? PreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpires { get; set; }

    public long Cursor { get; set; }

    public int Failures { get; set; }

    public DateTimeOffset? FailingSince { get; set; }

    public DateTimeOffset? RetryAt { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }
}
