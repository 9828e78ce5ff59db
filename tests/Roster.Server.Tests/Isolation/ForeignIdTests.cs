using Xunit.Abstractions;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// Tenant B's working credentials on B's own URLs, naming tenant A's ids (in the path, the query
/// or the body): every endpoint answers exactly as it does for ids that exist nowhere (a 404 where
/// a random id gets one, never a 403 or a different message), and nothing of A is in any answer.
/// </summary>
[Collection(IsolationCollectionDefinition.Name)]
public sealed class ForeignIdTests(TwoTenants world, ITestOutputHelper output)
{
    [Fact]
    public async Task Another_tenants_ids_are_answered_as_ids_that_do_not_exist()
    {
        var (a, b) = (world.A, world.B);
        var before = await TenantSnapshot.TakeAsync(a);
        using var exchange = new Exchange(world.Server.BaseAddress);
        var leaks = new Leaks();
        var cells = EndpointCatalogue.All.Where(c => c.UsesIds && c.Surface != Surface.Public)
            .SelectMany(c => CredentialsFor(b, c.Surface).Select(k => (Case: c, Credential: k)))
            .ToList();
        var dataOfA = a.Marks.Except(a.Ids.Values(), StringComparer.OrdinalIgnoreCase).ToList();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();

        await Exchange.RunAsync(cells, async cell =>
        {
            var (endpointCase, credential) = cell;
            var random = await exchange.SendAsync(endpointCase, new CaseTarget(b.OrgId, ResourceIds.Random(), b.Ids, null), credential);
            var foreign = await exchange.SendAsync(endpointCase, new CaseTarget(b.OrgId, a.Ids, b.Ids, null), credential);

            statuses.AddOrUpdate(foreign.Code, 1, (_, n) => n + 1);
            leaks.Check(foreign.Code is < 500 or 501, endpointCase, credential, "a server error", foreign);
            leaks.Check(foreign.SaysTheSameAs(random), endpointCase, credential, "answered differently than for random ids: " + foreign.DifferenceFrom(random), foreign);
            leaks.CheckNoMarks(dataOfA, endpointCase, credential, foreign);
        });

        output.WriteLine($"{cells.Count} cells: {exchange.Sent} requests, {leaks.Checked} checks; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}"))}.");
        leaks.AssertNone("A's ids on B's URLs");
        Assert.Equal(before, await TenantSnapshot.TakeAsync(a));
    }

    [Fact]
    public async Task Lists_searches_and_creations_of_B_show_nothing_of_A()
    {
        var (a, b) = (world.A, world.B);
        using var exchange = new Exchange(world.Server.BaseAddress);
        var leaks = new Leaks();
        var cells = EndpointCatalogue.All.Where(c => !c.UsesIds && c.Surface != Surface.Public)
            .SelectMany(c => CredentialsFor(b, c.Surface).Select(k => (Case: c, Credential: k)))
            .ToList();

        await Exchange.RunAsync(cells, async cell =>
        {
            var (endpointCase, credential) = cell;
            var answer = await exchange.SendAsync(endpointCase, new CaseTarget(b.OrgId, a.Ids, b.Ids, null), credential);

            leaks.Check(answer.Code is < 500 or 501, endpointCase, credential, "a server error", answer);
            leaks.Check(answer.Code is < 400 or 405 or 501 || (endpointCase.ActsOnCaller && answer.Code is 403 or 412), endpointCase, credential, "B's own request was refused", answer);
            leaks.CheckNoMarks(a.Marks, endpointCase, credential, answer);
        });

        output.WriteLine($"{cells.Count} cells: {exchange.Sent} requests, {leaks.Checked} checks.");
        leaks.AssertNone("B's own lists and creations");
    }

    /// <summary>The credentials of <paramref name="tenant"/> that work on <paramref name="surface"/>.</summary>
    public static IEnumerable<Credential> CredentialsFor(TenantWorld tenant, Surface surface) => surface switch
    {
        Surface.ScimInOrg or Surface.ScimWithoutOrg => tenant.Scim,
        Surface.Admin => [tenant.Admin],
        Surface.Console => [tenant.ConsoleAdmin],
        _ => [],
    };
}
