namespace Roster.Directory.Groups;

/// <summary>What role rules can name a group by besides its id: its display name (folded) and externalId.</summary>
internal sealed record GroupIdentity(string DisplayNameKey, string? ExternalId);
