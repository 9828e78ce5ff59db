namespace Roster.Server.Tests.Infrastructure;

/// <summary>One server for the HTTP tests; every test works in a tenant of its own.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollectionDefinition : ICollectionFixture<RosterServerFixture>
{
    public const string Name = "server";
}
