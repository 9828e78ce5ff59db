namespace Roster.Server.Tests.Crashes;

/// <summary>The crash tests run one after the other: each times its kills, and another's server processes would skew them.</summary>
[CollectionDefinition(Name)]
public sealed class CrashCollectionDefinition
{
    public const string Name = "Crashes";
}
