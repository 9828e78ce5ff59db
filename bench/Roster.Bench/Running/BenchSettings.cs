namespace Roster.Bench.Running;

/// <summary>Everything a run was asked to do, parsed and validated by the command line.</summary>
internal sealed record BenchSettings
{
    public required BenchMode Mode { get; init; }

    public required Uri BaseUrl { get; init; }

    public required string Token { get; init; }

    public required int Users { get; init; }

    public required int Concurrency { get; init; }

    public required int Groups { get; init; }

    public required int Lookups { get; init; }

    public required IReadOnlyList<BenchPhase> Phases { get; init; }

    public required int BigGroupMembers { get; init; }

    /// <summary>Users loaded in bulk before the run (<see cref="SeededDirectory"/>); 0 when there are none.</summary>
    public int SeededUsers { get; init; }

    public required int? ServerPid { get; init; }

    public required string? JsonPath { get; init; }

    public required TimeSpan RequestTimeout { get; init; }

    public required TimeSpan PhaseTimeout { get; init; }

    /// <summary>Roster's admin API for the tenant (<c>{publicBaseUrl}/api/v1/orgs/{orgId}</c>), for <c>rolemap</c>.</summary>
    public Uri? AdminUrl { get; init; }

    public string? AdminUser { get; init; }

    public string? AdminPassword { get; init; }
}
