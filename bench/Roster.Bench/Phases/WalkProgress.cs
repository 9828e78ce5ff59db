using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary>How far a paged walk of a list has got.</summary>
internal sealed class WalkProgress
{
    public int Pages { get; private set; }

    public long Resources { get; private set; }

    /// <summary>The latest totalResults the server gave, if any.</summary>
    public long? TotalResults { get; private set; }

    public void Add(ListResponsePage page)
    {
        Pages++;
        Resources += page.ResourceCount;
        TotalResults = page.TotalResults ?? TotalResults;
    }
}
