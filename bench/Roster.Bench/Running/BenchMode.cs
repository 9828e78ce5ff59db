namespace Roster.Bench.Running;

/// <summary>Which command started the run; only the report header and JSON tell them apart.</summary>
internal enum BenchMode
{
    Run,
    Seed,
}
