namespace Roster.Directory.Tokens;

/// <summary>What an administrator asks for when generating a SCIM token.</summary>
/// <param name="Name">What the token is for, e.g. the IdP's name.</param>
/// <param name="OwnerId">The employee profile the token belongs to; changes made with it are credited to them.</param>
/// <param name="Expires">When it stops working; null means <see cref="ScimTokenPolicy.DefaultLifetime"/> from now.</param>
public sealed record ScimTokenRequest(string Name, Guid OwnerId, DateTimeOffset? Expires);
