namespace Roster.Directory.Credentials;

/// <summary>The scopes Roster's OAuth server knows, and the client property that names a client's tenant.</summary>
public static class OAuthScopes
{
    /// <summary>Use of the SCIM API; the only scope an access token needs for provisioning.</summary>
    public const string Scim = "scim";

    public const string OpenId = "openid";

    public const string OfflineAccess = "offline_access";

    /// <summary>The OpenIddict application property holding the client's org ID.</summary>
    public const string TenantProperty = "roster_tenant";

    public static IReadOnlyList<string> All { get; } = [OpenId, OfflineAccess, Scim];
}
