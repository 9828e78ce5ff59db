namespace Roster.Directory.RoleGrants;

/// <summary>
/// What one change did to the tenant's role grants: per role, who gained a grant of it and who
/// lost one. Big changes (a rule over a large group) keep a count and the first
/// <see cref="SampleSize"/> people, which is what the audit log and the preview show; every
/// person is kept too, for the <c>employee.roles.changed</c> events (one per person and role).
/// </summary>
public sealed class GrantChanges
{
    public const int SampleSize = 100;

    private readonly Dictionary<(Guid Role, bool Gained), Tally> _tallies = [];

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
            Gained = [.. g.Where(t => t.Key.Gained).SelectMany(t => t.Value.All)],
            Lost = [.. g.Where(t => !t.Key.Gained).SelectMany(t => t.Value.All)],
        });

    public void Gained(Guid roleId, Guid userId) => Add(roleId, true, [userId]);

    public void Lost(Guid roleId, Guid userId) => Add(roleId, false, [userId]);

    public void Add(Guid roleId, bool gained, IReadOnlyCollection<Guid> userIds)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        if (!_tallies.TryGetValue((roleId, gained), out var tally))
        {
            _tallies[(roleId, gained)] = tally = new Tally();
        }

        tally.Count += userIds.Count;
        tally.All.AddRange(userIds);
        foreach (var user in userIds.Take(SampleSize - tally.Sample.Count))
        {
            tally.Sample.Add(user);
        }
    }

    public void Merge(GrantChanges other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var ((role, gained), tally) in other._tallies)
        {
            Add(role, gained, tally.All);
        }
    }

    private sealed class Tally
    {
        public int Count { get; set; }

        public List<Guid> Sample { get; } = [];

        public List<Guid> All { get; } = [];
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
    /// <summary>Everyone who gained a grant of the role.</summary>
    public IReadOnlyList<Guid> Gained { get; init; } = [];

    /// <summary>Everyone who lost a grant of the role.</summary>
    public IReadOnlyList<Guid> Lost { get; init; } = [];
}
