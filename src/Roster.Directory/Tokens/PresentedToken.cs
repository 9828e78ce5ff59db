namespace Roster.Directory.Tokens;

/// <summary>What <see cref="PresentedTokenSql"/> reads of a presented token and its owner.</summary>
/// <param name="TenantId">The token's tenant.</param>
/// <param name="Id">The token's id.</param>
/// <param name="OwnerId">The person whose power the token carries; null for an operator's token.</param>
/// <param name="Hash">The stored hash, compared again in constant time.</param>
/// <param name="Expires">When the token stops working; null for never.</param>
/// <param name="Revoked">When the token was revoked; null while it is not.</param>
/// <param name="LastUsed">The last use noted (at most once a minute).</param>
/// <param name="LastClient">The client noted with the last use.</param>
/// <param name="PermissionCeiling">The most the token may do, whatever its owner holds; null for no ceiling.</param>
/// <param name="OwnerFound">Whether the owner's profile still exists.</param>
/// <param name="OwnerStatus">The owner's employee status.</param>
/// <param name="OwnerActive">The owner's SCIM <c>active</c>.</param>
internal sealed record PresentedToken(
    Guid TenantId,
    Guid Id,
    Guid? OwnerId,
    byte[] Hash,
    DateTimeOffset? Expires,
    DateTimeOffset? Revoked,
    DateTimeOffset? LastUsed,
    string? LastClient,
    string? PermissionCeiling,
    bool OwnerFound,
    string? OwnerStatus,
    bool? OwnerActive)
{
    /// <summary>The permission lists of the owner's active roles.</summary>
    public List<string> OwnerPermissions { get; } = [];
}
