namespace Roster.Directory.Webhooks;

/// <summary>An enabled endpoint as the sender sees it: where its feed stands, its back-off, and its secrets as stored (encrypted).</summary>
public sealed record EndpointWork(
    Guid TenantId,
    Guid Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    long Cursor,
    long Head,
    int Failures,
    DateTimeOffset? FailingSince,
    DateTimeOffset? RetryAt,
    string Secret,
    string? PreviousSecret,
    DateTimeOffset? PreviousSecretExpires);
