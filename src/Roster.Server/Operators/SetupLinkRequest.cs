namespace Roster.Server.Operators;

/// <summary>The body that issues a setup link: how many hours it works (24 when absent).</summary>
public sealed record SetupLinkRequest(int? ValidForHours);
