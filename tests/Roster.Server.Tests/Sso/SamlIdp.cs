namespace Roster.Server.Tests.Sso;

/// <summary>A SAML IdP of <see cref="TestIdentityProviders"/>.</summary>
public sealed record SamlIdp(string Id, string EntityId, string SsoUrl, SamlKey Key);
