namespace Roster.Bench.Running;

/// <summary>The benchmark phases, declared in the order a run executes them (an IdP's first sync, then reads).</summary>
internal enum BenchPhase
{
    Create,
    Lookup,
    Get,
    Patch,
    Groups,
    Members,
    List,
    BigMember,

    /// <summary>Roster's role rules over its admin API; only when asked for by name.</summary>
    RoleMap,

    /// <summary>POST /Bulk of 1,000 operations; only when asked for by name.</summary>
    Bulk,
}
