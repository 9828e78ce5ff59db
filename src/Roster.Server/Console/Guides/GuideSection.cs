namespace Roster.Server.Console.Guides;

/// <summary>A guide's list of steps as the page renders it; <paramref name="Prefix"/> keeps the value elements' ids apart.</summary>
public sealed record GuideSection(string Prefix, IReadOnlyList<GuideStep> Steps);
