namespace Roster.Server.Tests.Isolation;

/// <summary>
/// The isolation tests share one server holding two fully seeded tenants (<see cref="TwoTenants"/>):
/// seeding takes seconds, and every test only reads or tries changes that must be refused.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IsolationCollectionDefinition : ICollectionFixture<TwoTenants>
{
    public const string Name = "isolation";
}
