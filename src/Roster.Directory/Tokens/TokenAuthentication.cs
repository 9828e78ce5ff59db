using Roster.Directory.Roles;

namespace Roster.Directory.Tokens;

/// <summary>The outcome of checking a presented bearer token.</summary>
/// <param name="Succeeded">True when the token is valid now.</param>
/// <param name="TenantId">The token's tenant, when it succeeded or was refused as expired or revoked.</param>
/// <param name="TokenId">The token's id, when it succeeded or was refused as expired or revoked.</param>
/// <param name="FailureReason">Why it failed, in words safe to return to the client.</param>
/// <param name="OwnerId">The employee profile the token belongs to, credited with its changes.</param>
/// <param name="Permissions">
/// The token's power now: its owner's permissions within its ceiling, or unbounded for the
/// operator's tokens; <see cref="PermissionSet.None"/> when it failed.
/// </param>
public sealed record TokenAuthentication(bool Succeeded, Guid TenantId, Guid TokenId, string? FailureReason, Guid? OwnerId, PermissionSet Permissions)
{
    public static TokenAuthentication Success(Guid tenantId, Guid tokenId, Guid? ownerId, PermissionSet permissions) =>
        new(true, tenantId, tokenId, null, ownerId, permissions);

    /// <summary>
    /// For a token refused as expired or revoked: <see cref="Provisioning.BadTokenKinds.Expired"/> or
    /// <see cref="Provisioning.BadTokenKinds.Revoked"/>, for the activity page's count; null otherwise.
    /// </summary>
    public string? RefusedKind { get; init; }

    public static TokenAuthentication Failure(string reason) => new(false, Guid.Empty, Guid.Empty, reason, null, PermissionSet.None);

    /// <summary>A token of Roster's, refused for its state: the reason, the kind, and which token it is.</summary>
    public static TokenAuthentication Refused(string reason, string kind, Guid tenantId, Guid tokenId) =>
        new(false, tenantId, tokenId, reason, null, PermissionSet.None) { RefusedKind = kind };
}
