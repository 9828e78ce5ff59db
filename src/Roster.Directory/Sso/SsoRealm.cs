namespace Roster.Directory.Sso;

/// <summary>A connection the sign-in page may send a person to: its organization, its id and the name it shows.</summary>
public sealed record SsoRealm(Guid TenantId, Guid ConnectionId, string Name);
