namespace Roster.Directory.RoleGrants;

/// <summary>
/// What one change did to the tenant's role grants: per role, who gained a grant of it and who
/// lost one. Big changes (a rule over a large group) keep a count and the first
/// <see cref="SampleSize"/> people, which is what the audit log and the preview show. Every person
/// is kept too, for the events, apart by how the grant moved: one by one
/// (<see cref="Gained"/>, <see cref="Lost"/>: a member added, a person's <c>roles</c>; an
/// <c>employee.roles.changed</c> event each) or set-based (<see cref="Add"/>: the rows one
/// statement moved for a rule or a group over many people; <c>role.grants.added</c> and
/// <c>role.grants.removed</c> carrying up to 1,000 people each).
/// </summary>
public sealed class GrantChanges
{
    public const int SampleSize = 100;

    private readonly Dictionary<(Guid Role, bool Gained), Counts> _tallies = [];

    public bool IsEmpty => _tallies.Count == 0;

    /// <summary>Each role with a count and sample of those who gained it and of those who lost it.</summary>
    public IEnumerable<RoleChange> Roles =>
        _tallies.GroupBy(t => t.Key.Role).Select(g => new RoleChange(
            g.Key,
            g.Where(t => t.Key.Gained).Select(t => t.Value.Count).Sum(),
            [.. g.Where(t => t.Key.Gained).SelectMany(t => t.Value.Sample)],
            g.Where(t => !t.Key.Gained).Select(t => t.Value.Count).Sum(),
            [.. g.Where(t => !t.Key.Gained).SelectMany(t => t.Value.Sample)])
        {
            Gained = [.. g.Where(t => t.Key.Gained).SelectMany(t => t.Value.OneByOne)],
            Lost = [.. g.Where(t => !t.Key.Gained).SelectMany(t => t.Value.OneByOne)],
            GainedTogether = [.. g.Where(t => t.Key.Gained).SelectMany(t => t.Value.Together)],
            LostTogether = [.. g.Where(t => !t.Key.Gained).SelectMany(t => t.Value.Together)],
        });

    /// <summary>One person gained the role by a statement of their own.</summary>
    public void Gained(Guid roleId, Guid userId) => Tally(roleId, true, [userId], together: false);

    /// <summary>One person lost the role by a statement of their own.</summary>
    public void Lost(Guid roleId, Guid userId) => Tally(roleId, false, [userId], together: false);

    /// <summary>The people one set-based statement gave the role to, or took it from (the rows it returned).</summary>
    public void Add(Guid roleId, bool gained, IReadOnlyCollection<Guid> userIds) => Tally(roleId, gained, userIds, together: true);

    public void Merge(GrantChanges other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var ((role, gained), tally) in other._tallies)
        {
            Tally(role, gained, tally.OneByOne, together: false);
            Tally(role, gained, tally.Together, together: true);
        }
    }

    private void Tally(Guid roleId, bool gained, IReadOnlyCollection<Guid> userIds, bool together)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        if (!_tallies.TryGetValue((roleId, gained), out var tally))
        {
            _tallies[(roleId, gained)] = tally = new Counts();
        }

        tally.Count += userIds.Count;
        (together ? tally.Together : tally.OneByOne).AddRange(userIds);
        foreach (var user in userIds.Take(SampleSize - tally.Sample.Count))
        {
            tally.Sample.Add(user);
        }
    }

    private sealed class Counts
    {
        public int Count { get; set; }

        public List<Guid> Sample { get; } = [];

        public List<Guid> OneByOne { get; } = [];

        public List<Guid> Together { get; } = [];
    }
}

/// <summary>One role's part of <see cref="GrantChanges"/>.</summary>
/// <param name="RoleId">The role.</param>
/// <param name="GainedCount">How many grants of it were added.</param>
/// <param name="GainedSample">The first of the people who gained one.</param>
/// <param name="LostCount">How many grants of it were removed.</param>
/// <param name="LostSample">The first of the people who lost one.</param>
public sealed record RoleChange(Guid RoleId, int GainedCount, IReadOnlyList<Guid> GainedSample, int LostCount, IReadOnlyList<Guid> LostSample)
{
    /// <summary>Those who gained a grant of the role by a statement of their own (an <c>employee.roles.changed</c> event each).</summary>
    public IReadOnlyList<Guid> Gained { get; init; } = [];

    /// <summary>Those who lost a grant of the role by a statement of their own.</summary>
    public IReadOnlyList<Guid> Lost { get; init; } = [];

    /// <summary>Those a set-based statement gave the role to (<c>role.grants.added</c>, up to 1,000 an event).</summary>
    public IReadOnlyList<Guid> GainedTogether { get; init; } = [];

    /// <summary>Those a set-based statement took the role from (<c>role.grants.removed</c>).</summary>
    public IReadOnlyList<Guid> LostTogether { get; init; } = [];
}
