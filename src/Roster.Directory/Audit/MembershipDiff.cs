namespace Roster.Directory.Audit;

/// <summary>
/// The member rows a write really inserted and deleted, as the statements reported them (never
/// by reading the member list). <see cref="RemovedAll"/> counts members dropped by a whole-list
/// replacement.
/// </summary>
internal sealed class MembershipDiff
{
    public List<Guid> Added { get; } = [];

    public List<Guid> Removed { get; } = [];

    public long? RemovedAll { get; set; }

    /// <summary>A group was among the members added or removed (as the statements' <c>member_type</c> said): nesting changed.</summary>
    public bool MovedGroups { get; set; }

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && RemovedAll is null;
}
