namespace Roster.Directory.AccessKeys;

/// <summary>
/// A row of <c>access_keys</c>: the access key ID (public, the OAuth client_id) of an employee
/// profile. The secret access key is not here: it is the OAuth client secret, hashed by OpenIddict.
/// </summary>
public sealed class AccessKeyRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public required string KeyId { get; set; }

    public required string SecretHint { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    public DateTimeOffset? LastUsed { get; set; }

    public string? LastClient { get; set; }

    /// <summary>What the key's issuer held when issuing it (<see cref="Roles.PermissionSet.ToText"/>); the key's power never exceeds it. Null: no ceiling.</summary>
    public string? PermissionCeiling { get; set; }
}
