namespace Roster.Directory.Audit;

/// <summary>One page of audit events, newest first; <paramref name="NextCursor"/> is null on the last page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, string? NextCursor);
