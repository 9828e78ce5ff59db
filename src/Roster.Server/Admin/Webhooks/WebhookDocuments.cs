using Roster.Directory.Webhooks;

namespace Roster.Server.Admin.Webhooks;

/// <summary>A webhook endpoint in the admin API: never its secrets.</summary>
public sealed record WebhookEndpointDocument(
    Guid Id,
    string Url,
    string Description,
    IReadOnlyList<string> EventTypes,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset Created,
    DateTimeOffset LastModified,
    int Failures,
    DateTimeOffset? FailingSince,
    DateTimeOffset? NextRetry,
    DateTimeOffset? PreviousSecretExpires,
    long Pending,
    long DeadLetters)
{
    public static WebhookEndpointDocument From(WebhookEndpoint e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Url, e.Description, e.EventTypes, e.Enabled, e.DisabledReason, e.Created, e.LastModified,
            e.Failures, e.FailingSince, e.RetryAt, e.PreviousSecretExpires, e.Pending, e.Dead);
    }
}

/// <summary>An endpoint with its signing secret: the answer to registering it or rotating its secret, the only time the secret is shown.</summary>
public sealed record IssuedWebhookSecretDocument(WebhookEndpointDocument Endpoint, string Secret)
{
    public static IssuedWebhookSecretDocument From(IssuedWebhookSecret issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        return new(WebhookEndpointDocument.From(issued.Endpoint), issued.Secret);
    }
}

/// <summary>Registers an endpoint (<c>url</c> required) or changes one (members left out keep their value).</summary>
public sealed record WebhookEndpointRequest(string? Url, string? Description, IReadOnlyList<string>? EventTypes, bool? Enabled)
{
    public WebhookDraft ToDraft() => new() { Url = Url, Description = Description, EventTypes = EventTypes, Enabled = Enabled };
}

/// <summary>Rotates the secret; the previous one keeps signing for <c>keepPreviousHours</c> (24 by default, 0 to stop it at once, at most 168).</summary>
public sealed record RotateSecretRequest(double? KeepPreviousHours);

/// <summary>Redelivers one dead letter (<c>deliveryId</c>) or, without it, all of the endpoint's.</summary>
public sealed record RedeliverRequest(Guid? DeliveryId);

/// <summary>How many dead letters went back to pending.</summary>
public sealed record RedeliveredDocument(long Redelivered);

/// <summary>One line of the delivery log.</summary>
public sealed record WebhookAttemptDocument(
    Guid Id, Guid? DeliveryId, Guid EventId, string Type, int Attempt, DateTimeOffset Attempted, int DurationMs,
    string Request, int? ResponseStatus, string? Response, string? Error, bool Succeeded)
{
    public static WebhookAttemptDocument From(WebhookAttempt a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.DeliveryId, a.EventId, a.Type, a.Attempt, a.Attempted, a.DurationMs, a.Request, a.ResponseStatus, a.Response, a.Error, a.Succeeded);
    }

    public static WebhookAttemptDocument From(DeliveryOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(Guid.Empty, null, o.EventId, o.Type, 1, o.Attempted, (int)o.Duration.TotalMilliseconds, o.Request, o.Status, o.Response, o.Error, o.Succeeded);
    }
}

/// <summary>An event owed to an endpoint.</summary>
public sealed record WebhookDeliveryDocument(
    Guid Id, long Sequence, Guid EventId, string Type, Guid ResourceId, string State, int Attempts, DateTimeOffset Created, DateTimeOffset? LastAttempt, DateTimeOffset? Delivered)
{
    public static WebhookDeliveryDocument From(WebhookDelivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Sequence, d.EventId, d.Type, d.ResourceId, d.State, d.Attempts, d.Created, d.LastAttempt, d.Delivered);
    }
}
