namespace Roster.Server.Tests.Isolation;

/// <summary>Every case of every endpoint: the rows of the isolation matrix.</summary>
public static class EndpointCatalogue
{
    public static IReadOnlyList<EndpointCase> All { get; } = [.. ScimCases.All(), .. AdminCases.All(), .. ConsoleCases.All(), .. PublicCases.All(), .. OperatorCases.All()];

    public static IEnumerable<EndpointCase> Of(params Surface[] surfaces) => All.Where(c => surfaces.Contains(c.Surface));
}
