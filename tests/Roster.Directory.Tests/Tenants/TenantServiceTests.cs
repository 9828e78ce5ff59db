using Roster.Directory.Tenants;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Tenants;

public sealed class TenantServiceTests
{
    [Fact]
    public async Task A_created_tenant_can_be_found_and_listed()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var tenant = await directory.Get<CreateTenant>().ExecuteAsync("  Example Corp ", CancellationToken.None);

        Assert.NotEqual(Guid.Empty, tenant.Id);
        Assert.Equal("Example Corp", tenant.Name);
        Assert.Equal(TestDirectory.Start, tenant.Created);
        var found = await directory.Get<FindTenant>().ExecuteAsync(tenant.Id, CancellationToken.None);
        Assert.Equal("Example Corp", found!.Name);
        Assert.Contains(await directory.Get<ListTenants>().ExecuteAsync(CancellationToken.None), t => t.Id == tenant.Id);
        Assert.Null(await directory.Get<FindTenant>().ExecuteAsync(Guid.NewGuid(), CancellationToken.None));
    }
}
