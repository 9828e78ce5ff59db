using System.Net;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// The console's URLs carry no org ID: a session of tenant B's administrator that opens tenant A's
/// pages by id gets the 404 page a made-up id gets, and its forms change nothing of A.
/// </summary>
[Collection(IsolationCollectionDefinition.Name)]
public sealed class ConsoleIsolationTests(TwoTenants world)
{
    [Fact]
    public async Task Another_tenants_pages_are_404_like_made_up_ids_and_its_forms_change_nothing()
    {
        var (a, b) = (world.A, world.B);
        using var exchange = new Exchange(world.Server.BaseAddress);
        var employeePage = EndpointCatalogue.All.First(c => c.Endpoint == "PAGE /Employees/Edit Get");
        var deleteApp = EndpointCatalogue.All.First(c => c.Endpoint == "PAGE /Developer/Apps/Index PostDelete");

        var foreignPage = await exchange.SendAsync(employeePage, new CaseTarget(b.OrgId, a.Ids, b.Ids, null), b.ConsoleAdmin);
        var madeUpPage = await exchange.SendAsync(employeePage, new CaseTarget(b.OrgId, ResourceIds.Random(), b.Ids, null), b.ConsoleAdmin);
        var deleted = await exchange.SendAsync(deleteApp, new CaseTarget(b.OrgId, a.Ids, b.Ids, null), b.ConsoleAdmin);

        Assert.Equal(HttpStatusCode.NotFound, foreignPage.Status);
        Assert.True(foreignPage.SaysTheSameAs(madeUpPage), foreignPage.DifferenceFrom(madeUpPage));
        Assert.DoesNotContain(a.Console.Admin.Email, foreignPage.Raw, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.StartsWith("followed", deleted.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await a.Console.Http.GetAsync($"apps/{a.Ids.App}")).StatusCode);
    }
}
