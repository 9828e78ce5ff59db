namespace Roster.Directory.Resources;

/// <summary>What every resource row has: key, version, times and the stored document's JSON text.</summary>
internal sealed record ResourceRow(Guid Id, long Version, DateTimeOffset Created, DateTimeOffset LastModified, string Document);
