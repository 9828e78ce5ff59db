namespace Roster.Directory.Sso;

/// <summary>Who an identity provider says signed in: the email Roster matches a profile by, and the names a new profile gets.</summary>
/// <param name="Email">As the IdP sent it (NameID, an attribute or a claim).</param>
/// <param name="GivenName">The first name, if sent.</param>
/// <param name="FamilyName">The last name, if sent.</param>
public sealed record SsoIdentity(string Email, string? GivenName, string? FamilyName);
