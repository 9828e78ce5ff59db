namespace Roster.Server.Admin.Domains;

/// <summary>The body of <c>POST /domains</c>: the domain, internationalised names accepted.</summary>
public sealed record AddDomainRequest(string? Domain);
