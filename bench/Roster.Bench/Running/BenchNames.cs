namespace Roster.Bench.Running;

/// <summary>Unique, recognisable names for what a run creates, so runs against one tenant never collide.</summary>
internal sealed class BenchNames(string runId)
{
    public string RunId { get; } = runId;

    public static BenchNames ForNewRun()
    {
        return new BenchNames(Guid.NewGuid().ToString("N")[..8]);
    }

    public string UserName(int index)
    {
        return $"bench-{RunId}-{index}@example.com";
    }

    public string ExternalId(int index)
    {
        return $"bench-{RunId}-{index}";
    }

    public string GroupName(int index)
    {
        return $"bench-{RunId}-group-{index}";
    }

    public string BigGroupName()
    {
        return $"bench-{RunId}-big-group";
    }
}
