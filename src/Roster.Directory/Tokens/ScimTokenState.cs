namespace Roster.Directory.Tokens;

/// <summary>Where a SCIM token stands, as lists show it.</summary>
public enum ScimTokenState
{
    /// <summary>Works, and is not near its expiry.</summary>
    Active,

    /// <summary>Works, but expires within <see cref="ScimTokenPolicy.ExpiryWarning"/>: rotate it.</summary>
    Expiring,

    /// <summary>Past its expiry; refused.</summary>
    Expired,

    /// <summary>Revoked by an administrator; refused.</summary>
    Revoked,
}
