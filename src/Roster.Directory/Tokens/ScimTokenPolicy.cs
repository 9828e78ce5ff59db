namespace Roster.Directory.Tokens;

/// <summary>How long SCIM tokens live and when they are flagged for rotation.</summary>
public static class ScimTokenPolicy
{
    /// <summary>One year, the lifetime CXone recommends and Webex uses by default.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(365);

    /// <summary>A token this close to its expiry is shown as expiring, so it is rotated before the IdP breaks.</summary>
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    /// <summary>The tenant's maximum lifetime when its SCIM settings name none: two years.</summary>
    public const int DefaultMaxDays = 730;

    public static ScimTokenState StateAt(DateTimeOffset now, DateTimeOffset? expires, DateTimeOffset? revoked) =>
        revoked is not null ? ScimTokenState.Revoked
        : expires is { } at && now >= at ? ScimTokenState.Expired
        : expires is { } soon && soon - now <= ExpiryWarning ? ScimTokenState.Expiring
        : ScimTokenState.Active;
}
