namespace Roster.Server.Operators;

/// <summary>A new setup link: the only time it is shown; open it once, before <see cref="Expires"/>.</summary>
public sealed record SetupLinkDocument(Guid Id, Guid OrgId, string SetupLink, DateTimeOffset Expires);
