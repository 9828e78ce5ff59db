namespace Roster.Server.Admin.Audit;

/// <summary>A page of audit events, newest first; pass <see cref="NextCursor"/> as <c>cursor</c> for the next one (null on the last page).</summary>
public sealed record AuditPageDocument(IReadOnlyList<AuditEventDocument> Events, string? NextCursor);
