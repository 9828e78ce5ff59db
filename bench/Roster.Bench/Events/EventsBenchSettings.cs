namespace Roster.Bench.Events;

/// <summary>What <c>roster-bench events</c> measures and against which server.</summary>
internal sealed record EventsBenchSettings
{
    public required Uri ScimBaseUrl { get; init; }

    public required string ScimToken { get; init; }

    /// <summary>The admin API of the tenant: <c>.../api/v1/orgs/{orgId}</c>.</summary>
    public required Uri AdminUrl { get; init; }

    public required Uri TokenUrl { get; init; }

    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    public required IReadOnlyList<string> Phases { get; init; }

    public int Rate { get; init; } = 500;

    public int Seconds { get; init; } = 20;

    public int CostUsers { get; init; } = 3000;

    public int Concurrency { get; init; } = 8;

    public int Backlog { get; init; } = 100_000;

    public int OutageSeconds { get; init; } = 600;
}
