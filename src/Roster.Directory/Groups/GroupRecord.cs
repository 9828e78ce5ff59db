namespace Roster.Directory.Groups;

/// <summary>
/// A group row. Its document holds <c>schemas</c>, <c>id</c> and the stored attributes but never
/// <c>members</c>: memberships are rows (ARCHITECTURE decision 3).
/// </summary>
public sealed class GroupRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    /// <summary>Not unique: RFC 7643 gives displayName no uniqueness, and IdPs push same-named groups.</summary>
    public required string DisplayName { get; set; }

    public required string DisplayNameKey { get; set; }

    public string? ExternalId { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }

    public long Version { get; set; }

    public required string Document { get; set; }
}
