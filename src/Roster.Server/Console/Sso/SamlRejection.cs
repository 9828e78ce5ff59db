namespace Roster.Server.Console.Sso;

/// <summary>Why a SAML response was not accepted: <see cref="Reason"/> for the log (no personal values), <see cref="Detail"/> for the page.</summary>
public sealed record SamlRejection(string Reason, string Detail);
