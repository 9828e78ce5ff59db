namespace Roster.Directory.Provisioning;

/// <summary>Why a bearer token sent to an organization's SCIM URL was refused, as the activity page groups them.</summary>
public static class BadTokenKinds
{
    /// <summary>No token of Roster's has this value (mistyped, cut when pasted, another server's, or a guess).</summary>
    public const string Unknown = "unknown";

    /// <summary>The token's expiry has passed.</summary>
    public const string Expired = "expired";

    /// <summary>An administrator revoked the token.</summary>
    public const string Revoked = "revoked";
}
