namespace Roster.Server.Tests.Isolation;

/// <summary>
/// The isolation matrix cannot go stale: every endpoint the app routes, and every handler of
/// every console page, has at least one case in <see cref="EndpointCatalogue"/>. A new endpoint
/// fails this test until its isolation cases are written.
/// </summary>
[Collection(IsolationCollectionDefinition.Name)]
public sealed class EndpointCoverageTests(TwoTenants world)
{
    [Fact]
    public void Every_routed_endpoint_has_an_isolation_case()
    {
        var covered = EndpointCatalogue.All.Select(c => c.Endpoint).ToHashSet(StringComparer.Ordinal);
        var coveredPages = covered.Where(c => c.StartsWith("PAGE ", StringComparison.Ordinal)).Select(c => c[..c.LastIndexOf(' ')]).ToHashSet(StringComparer.Ordinal);

        var routed = EndpointCoverage.RoutedEndpoints(world.Server.Services);
        var missing = routed.Where(e => !covered.Contains(e) && !coveredPages.Contains(e)).ToList();

        Assert.True(routed.Count > 100, $"Only {routed.Count} endpoints were found; the routing read is broken.");
        Assert.True(missing.Count == 0, "Endpoints without an isolation case:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_console_page_handler_has_an_isolation_case()
    {
        var covered = EndpointCatalogue.All.Select(c => c.Endpoint).ToHashSet(StringComparer.Ordinal);

        var handlers = EndpointCoverage.PageHandlers();
        var missing = handlers.Where(h => !covered.Contains(h)).ToList();

        Assert.True(handlers.Count > 30, $"Only {handlers.Count} page handlers were found; the reflection is broken.");
        Assert.True(missing.Count == 0, "Page handlers without an isolation case:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_case_names_an_endpoint_that_exists()
    {
        var routed = EndpointCoverage.RoutedEndpoints(world.Server.Services).ToHashSet(StringComparer.Ordinal);
        var handlers = EndpointCoverage.PageHandlers().ToHashSet(StringComparer.Ordinal);

        var stale = EndpointCatalogue.All.Select(c => c.Endpoint).Distinct().Where(e => !routed.Contains(e) && !handlers.Contains(e)).ToList();

        Assert.True(stale.Count == 0, "Cases for endpoints the app does not serve:\n" + string.Join("\n", stale));
    }
}
