namespace Roster.Directory.Tokens;

/// <summary>A newly issued SCIM token: the only moment its plaintext exists outside the caller.</summary>
public sealed record IssuedScimToken(Guid Id, Guid TenantId, string Name, string Token, DateTimeOffset Created, DateTimeOffset? Expires, Guid? OwnerId = null);
