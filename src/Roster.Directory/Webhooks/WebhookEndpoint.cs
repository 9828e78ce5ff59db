namespace Roster.Directory.Webhooks;

/// <summary>A webhook endpoint as administrators see it: never its secrets.</summary>
public sealed record WebhookEndpoint(
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
    DateTimeOffset? RetryAt,
    DateTimeOffset? PreviousSecretExpires,
    long Pending,
    long Dead);
