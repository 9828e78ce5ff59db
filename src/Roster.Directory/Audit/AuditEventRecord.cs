namespace Roster.Directory.Audit;

/// <summary>
/// One row of <c>audit_events</c>, written in the same transaction as the change it describes
/// (ARCHITECTURE decision 8). The id is a version 7 GUID taken at <see cref="Occurred"/>, so
/// (occurred, id) orders events in time.
/// </summary>
public sealed class AuditEventRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public DateTimeOffset Occurred { get; set; }

    public Guid? ActorProfileId { get; set; }

    public Guid? CredentialId { get; set; }

    public required string Client { get; set; }

    public required string Action { get; set; }

    public required string ResourceType { get; set; }

    public Guid ResourceId { get; set; }

    /// <summary>JSON: each changed top-level attribute as <c>{"before":..., "after":...}</c>; members as added/removed id lists.</summary>
    public required string Changes { get; set; }
}
