namespace Roster.Bench.Running;

/// <summary>
/// The phases a run really executes: the requested ones plus what they depend on (lookups need users,
/// members need groups), and how many users the create phase makes.
/// </summary>
internal sealed record PhasePlan
{
    /// <summary>Users kept out of the big group so single adds and removes change its size by one.</summary>
    public const int SpareUsersForBigGroup = 10;

    public required IReadOnlyList<BenchPhase> Phases { get; init; }

    public required int UsersToCreate { get; init; }

    /// <summary>Whether later phases need the created users' ids; <c>seed</c> keeps none so it can create millions.</summary>
    public required bool KeepCreatedUsers { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public static PhasePlan Resolve(BenchSettings settings)
    {
        HashSet<BenchPhase> selected = [.. settings.Phases];
        List<string> notes = [];

        // A seeded directory gives lookup and bigmember their users; get, patch and members still need this run's ids.
        bool seeded = settings.SeededUsers > 0;
        bool usersNeeded = selected.Overlaps([BenchPhase.Get, BenchPhase.Patch, BenchPhase.Members])
            || (!seeded && selected.Overlaps([BenchPhase.Lookup, BenchPhase.BigMember]));
        if (usersNeeded && selected.Add(BenchPhase.Create))
        {
            notes.Add("create added: later phases need users this run created");
        }

        if (selected.Contains(BenchPhase.Members) && selected.Add(BenchPhase.Groups))
        {
            notes.Add("groups added: members needs groups");
        }

        int users = selected.Contains(BenchPhase.Create) ? settings.Users : 0;
        if (selected.Contains(BenchPhase.BigMember) && !seeded)
        {
            int needed = settings.BigGroupMembers + SpareUsersForBigGroup;
            if (needed > users)
            {
                notes.Add($"create makes {needed} users (--users {settings.Users}) so bigmember can fill a group of {settings.BigGroupMembers} and keep {SpareUsersForBigGroup} spares");
                users = needed;
            }
        }

        return new PhasePlan
        {
            Phases = [.. Enum.GetValues<BenchPhase>().Where(selected.Contains)],
            UsersToCreate = users,
            KeepCreatedUsers = usersNeeded,
            Notes = notes,
        };
    }
}
