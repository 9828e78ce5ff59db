using Roster.Directory.AccessKeys;

namespace Roster.Server.Admin.AccessKeys;

/// <summary>An access key as the admin API lists it: the ID to copy, the owner, created, last used, state; never the secret.</summary>
public sealed record AccessKeyDocument(
    Guid Id,
    string AccessKeyId,
    string SecretHint,
    Guid OwnerId,
    string? OwnerUserName,
    DateTimeOffset Created,
    bool Active,
    DateTimeOffset? DeactivatedAt,
    DateTimeOffset? LastUsed,
    string? LastClient)
{
    public static AccessKeyDocument From(AccessKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.KeyId, key.SecretHint, key.OwnerId, key.OwnerUserName, key.Created, key.Active, key.DeactivatedAt, key.LastUsed, key.LastClient);
    }
}
