using Roster.Directory.Sso;

namespace Roster.Server.Console.Sso;

/// <summary>
/// What a SAML response says once its signature and conditions are checked, all read from the
/// signed element: the assertion's ID (used once) and until when it could be replayed, the
/// AuthnRequest it answers (none when IdP-initiated) and the person.
/// </summary>
public sealed record SamlAssertionFacts(string AssertionId, DateTimeOffset ReplayableUntil, string? InResponseTo, SsoIdentity Identity);
