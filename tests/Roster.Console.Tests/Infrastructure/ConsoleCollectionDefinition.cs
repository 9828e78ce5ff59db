namespace Roster.Console.Tests.Infrastructure;

/// <summary>
/// One server for every browser test, and the classes run one after the other: each drives a
/// Chromium, and two at once only slow each other down on a small machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollectionDefinition : ICollectionFixture<ConsoleServerFixture>
{
    public const string Name = "console";
}
