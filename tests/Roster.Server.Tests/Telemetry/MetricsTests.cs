using System.Net;
using System.Net.Http.Headers;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Telemetry;

/// <summary>
/// Roster's metrics as an operator reads them: a real Prometheus scrapes a Roster server and
/// answers PromQL for requests by route and client, SCIM operations by identity provider and
/// outcome, refusals by reason and the directory's write latency. The scrape endpoint answers only
/// the networks it allows.
/// </summary>
public sealed class MetricsTests(TelemetryServerFixture server) : IClassFixture<TelemetryServerFixture>
{
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_real_Prometheus_scrapes_Roster_and_answers_PromQL_for_its_metrics()
    {
        var tenant = await server.CreateTenantAsync();
        using var okta = server.CreateClient(tenant.Token, $"scim/v2/{tenant.OrgId}/");
        okta.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Okta-SCIM-Client", "1.0"));
        var userName = $"metrics-{Guid.NewGuid():N}@example.com";
        await okta.CreateUserAsync(userName);
        var again = await okta.PostAsync("Users", ScimHttp.Json($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}"}"""));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var stranger = server.CreateClient("roster_scim_not-a-token", $"scim/v2/{tenant.OrgId}/");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("Users")).StatusCode);

        await using var prometheus = await PrometheusServer.StartAsync(server.BaseAddress.Authority, TelemetryServerFixture.MetricsPath);

        Assert.True(await prometheus.QueryUntilPresentAsync(
            """sum(roster_scim_operation_duration_seconds_count{roster_client="okta",roster_scim_operation="create",roster_scim_resource="Users",roster_scim_outcome="success"})""", ScrapeWait) >= 1);
        Assert.True(await prometheus.QueryUntilPresentAsync(
            """sum(roster_scim_operation_duration_seconds_count{roster_client="okta",roster_scim_outcome="uniqueness"})""", ScrapeWait) >= 1);
        Assert.True(await prometheus.QueryUntilPresentAsync(
            """sum(roster_requests_refused_total{roster_refusal_reason="auth",roster_client="other_idp"})""", ScrapeWait) >= 1);
        Assert.True(await prometheus.QueryUntilPresentAsync(
            """sum(http_server_request_duration_seconds_count{http_route="/scim/v2/{orgId:guid}/Users/",roster_client="okta",http_response_status_code="201"})""", ScrapeWait) >= 1);
        Assert.True(await prometheus.QueryUntilPresentAsync(
            """sum(roster_db_write_duration_seconds_count{roster_db_write_outcome="committed"})""", ScrapeWait) >= 1);
        Assert.True(await prometheus.QueryUntilPresentAsync("""up{job="roster"}""", ScrapeWait) == 1);
    }

    [Fact]
    public async Task The_scrape_endpoint_answers_its_allowed_networks_and_is_not_there_for_anyone_else()
    {
        // A write: the directory records its duration before the answer goes out.
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync($"scraped-{Guid.NewGuid():N}@example.com");
        using var client = server.CreateClient(null);
        var scraped = await client.GetAsync(new Uri(TelemetryServerFixture.MetricsPath.TrimStart('/'), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("roster_db_write_duration_seconds", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Through the proxy on this host (trusted by default) for a client elsewhere: not allowed.
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, TelemetryServerFixture.MetricsPath.TrimStart('/'));
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var refused = await client.SendAsync(forwarded);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("roster_db_write_duration_seconds", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
