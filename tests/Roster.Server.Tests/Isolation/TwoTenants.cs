using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// A server of its own with two tenants holding every kind of data and credential: A is the one
/// whose data must not leak, B the one that tries. Both are seeded alike, so either can play
/// either part.
/// </summary>
public sealed class TwoTenants : IAsyncLifetime
{
    public RosterServerFixture Server { get; } = new();

    public TenantWorld A { get; private set; } = null!;

    public TenantWorld B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        A = await TenantWorld.SeedAsync(Server, "Tenant A");
        B = await TenantWorld.SeedAsync(Server, "Tenant B");
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}
