namespace Roster.Directory.AccessKeys;

/// <summary>
/// An access key as lists show it (CXone's employee "Security" tab), never the secret:
/// <c>KeyId</c> is the access key ID used as the OAuth <c>client_id</c>, <c>SecretHint</c> the
/// secret's last four characters; once deactivated (<c>Active</c> false) the key and every
/// token it obtained stop working.
/// </summary>
public sealed record AccessKey(
    Guid Id,
    Guid TenantId,
    string KeyId,
    string SecretHint,
    Guid OwnerId,
    string? OwnerUserName,
    DateTimeOffset Created,
    bool Active,
    DateTimeOffset? DeactivatedAt,
    DateTimeOffset? LastUsed,
    string? LastClient);
