namespace Roster.Directory.Tokens;

/// <summary>
/// A SCIM bearer token as stored: never the secret itself, only its SHA-256 hash
/// (ARCHITECTURE decision 7) and a hint of its last characters so people can tell tokens apart.
/// </summary>
public sealed class ScimToken
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required byte[] Hash { get; set; }

    public required string Hint { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset? Expires { get; set; }

    public DateTimeOffset? Revoked { get; set; }

    public DateTimeOffset? LastUsed { get; set; }

    /// <summary>The employee profile the token belongs to: changes made with it are credited to them. Null for the operator's tokens (CLI, bootstrap).</summary>
    public Guid? OwnerId { get; set; }

    /// <summary>The client (Okta, Entra ID, other) seen on the token's latest use.</summary>
    public string? LastClient { get; set; }

    /// <summary>What the token's issuer held when issuing it (<see cref="Roles.PermissionSet.ToText"/>); the token's power never exceeds it. Null: no ceiling.</summary>
    public string? PermissionCeiling { get; set; }
}
