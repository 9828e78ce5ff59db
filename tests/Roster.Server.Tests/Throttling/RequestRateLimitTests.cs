using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Roster.Directory.Tokens;
using Roster.Server.Tests.Admin;
using Xunit.Abstractions;

namespace Roster.Server.Tests.Throttling;

/// <summary>
/// Request rates per credential and per tenant (<c>Roster:RateLimits</c>, here ten times lower
/// than the defaults): a client at an IdP's pace passes untouched, a flood meets 429 with
/// Retry-After and a body naming the limit, and neither a flooding tenant nor a flooding
/// credential takes anything from another.
/// </summary>
public sealed class RequestRateLimitTests(RateLimitedServerFixture server, ITestOutputHelper output) : IClassFixture<RateLimitedServerFixture>
{
    private static readonly TimeSpan FloodTime = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task A_client_paced_at_half_the_credential_rate_for_longer_than_its_burst_gets_no_429()
    {
        // Entra ID's pace (25 a second) is half the default per-credential rate (50): the same ratio.
        var tenant = await server.CreateTenantAsync();
        var rate = RateLimitedServerFixture.PerCredentialPerSecond / 2.0;

        var results = await LoadPatterns.PacedAsync(tenant.Scim, "Users?count=1", rate, TimeSpan.FromSeconds(6));

        Assert.True(results.Count > RateLimitedServerFixture.PerCredentialBurst, "The run must outlast the burst, so the refill is what lets it pass.");
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }

    [Fact]
    public async Task A_burst_up_to_the_credential_burst_in_parallel_gets_no_429()
    {
        // Okta pushes with several requests in flight at once.
        var tenant = await server.CreateTenantAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, RateLimitedServerFixture.PerCredentialBurst).Select(_ => tenant.Scim.GetAsync("Users?count=1")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task A_flood_meets_429_with_Retry_After_and_a_SCIM_error_naming_the_credential_limit()
    {
        var tenant = await server.CreateTenantAsync();

        var flood = await LoadPatterns.FloodAsync(tenant.Scim, "Users?count=1", FloodTime);

        Assert.True(flood.Refused > 0, $"{flood.Passed} passed, none refused");
        var refusal = flood.FirstRefusal!;
        Assert.InRange(int.Parse(refusal.RetryAfter!, CultureInfo.InvariantCulture), 1, 5);
        Assert.Equal("application/scim+json", refusal.MediaType);
        var error = JsonNode.Parse(refusal.Body)!.AsObject();
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)error["schemas"]![0]);
        Assert.Equal("429", (string?)error["status"]);
        Assert.Contains("the limit for this credential is 5 a second with bursts of 10", (string?)error["detail"], StringComparison.Ordinal);
        Assert.Contains($"Try again in {refusal.RetryAfter} second", (string?)error["detail"], StringComparison.Ordinal);

        // Over the flood's seconds, what passed is the burst plus the refill, not more.
        Assert.InRange(flood.Passed, 1, RateLimitedServerFixture.PerCredentialBurst + (RateLimitedServerFixture.PerCredentialPerSecond * (FloodTime.TotalSeconds + 1)));
    }

    [Fact]
    public async Task A_quiet_tenant_keeps_every_request_and_its_latency_while_another_tenant_floods()
    {
        var flooding = await server.CreateTenantAsync("Flooding");
        var quiet = await server.CreateTenantAsync("Quiet");
        await quiet.Scim.GetAsync("Users?count=1");

        var flood = LoadPatterns.FloodAsync(flooding.Scim, "Users?count=1", FloodTime, workers: 16);
        var paced = await LoadPatterns.PacedAsync(quiet.Scim, "Users?count=1", RateLimitedServerFixture.PerCredentialPerSecond - 1, FloodTime);
        var flooded = await flood;

        var latencies = paced.Select(r => r.Latency.TotalMilliseconds).Order().ToList();
        var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];
        output.WriteLine($"flood: {flooded.Passed} passed, {flooded.Refused} refused; quiet tenant: {paced.Count} requests, p50 {latencies[latencies.Count / 2]:F1} ms, p99 {p99:F1} ms, max {latencies[^1]:F1} ms");
        Assert.True(flooded.Refused > 0, "The flood must have been refused, or it did not flood.");
        Assert.All(paced, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.True(p99 < 2000, $"The quiet tenant's p99 was {p99:F0} ms during the flood.");
    }

    [Fact]
    public async Task A_flooding_credential_does_not_throttle_another_credential_of_its_tenant()
    {
        var tenant = await server.CreateTenantAsync();
        var other = await server.Services.GetRequiredService<IssueOperatorScimToken>().ExecuteAsync(tenant.OrgId, "Second IdP", null, CancellationToken.None);
        using var otherClient = server.CreateClient(other.Token, $"scim/v2/{tenant.OrgId}/");

        // The flooding credential takes at most its own rate (5) of the tenant's (8); the other keeps the rest.
        var flood = LoadPatterns.FloodAsync(tenant.Scim, "Users?count=1", FloodTime);
        var paced = await LoadPatterns.PacedAsync(otherClient, "Users?count=1", 2, FloodTime);
        var flooded = await flood;

        Assert.True(flooded.Refused > 0);
        Assert.Contains("this credential", flooded.FirstRefusal!.Body, StringComparison.Ordinal);
        Assert.All(paced, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }

    [Fact]
    public async Task Two_flooding_credentials_of_one_tenant_meet_the_tenant_limit()
    {
        var tenant = await server.CreateTenantAsync();
        var other = await server.Services.GetRequiredService<IssueOperatorScimToken>().ExecuteAsync(tenant.OrgId, "Second IdP", null, CancellationToken.None);
        using var otherClient = server.CreateClient(other.Token, $"scim/v2/{tenant.OrgId}/");

        var floods = await Task.WhenAll(
            LoadPatterns.FloodAsync(tenant.Scim, "Users?count=1", FloodTime),
            LoadPatterns.FloodAsync(otherClient, "Users?count=1", FloodTime));

        var refusals = floods.SelectMany(f => f.RefusalDetails).ToList();
        Assert.Contains(refusals, b => b.Contains("this organization (all its credentials together) is 8 a second with bursts of 16", StringComparison.Ordinal));
        var passed = floods.Sum(f => f.Passed);
        Assert.InRange(passed, 1, RateLimitedServerFixture.PerTenantBurst + (RateLimitedServerFixture.PerTenantPerSecond * (FloodTime.TotalSeconds + 1)));
    }

    [Fact]
    public async Task Requests_with_a_bad_token_are_limited_by_address_and_spend_nothing_of_a_tenant()
    {
        var tenant = await server.CreateTenantAsync();
        using var guessing = server.CreateClient("roster_scim_" + new string('x', 46), $"scim/v2/{tenant.OrgId}/");

        var flood = await LoadPatterns.FloodAsync(guessing, "Users?count=1", TimeSpan.FromSeconds(2));
        var burst = await Task.WhenAll(Enumerable.Range(0, RateLimitedServerFixture.PerCredentialBurst).Select(_ => tenant.Scim.GetAsync("Users?count=1")));

        Assert.Contains(HttpStatusCode.Unauthorized, flood.Statuses);
        Assert.True(flood.Refused > 0);
        Assert.Contains("requests without a valid credential from this address is 3 a second", flood.FirstRefusal!.Body, StringComparison.Ordinal);
        Assert.All(burst, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task Requests_with_a_bad_operator_key_are_limited_by_address()
    {
        using var guessing = server.CreateClient("roster_op_" + new string('x', 46), "api/v1/operator/");

        var flood = await LoadPatterns.FloodAsync(guessing, "tenants", TimeSpan.FromSeconds(2));

        Assert.Contains(HttpStatusCode.Unauthorized, flood.Statuses);
        Assert.True(flood.Refused > 0, $"{flood.Passed} passed, none refused");
        Assert.Equal("application/problem+json", flood.FirstRefusal!.MediaType);
        Assert.Contains("requests without a valid credential from this address is 3 a second", flood.FirstRefusal.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_API_answers_a_flood_with_429_ProblemDetails_and_Retry_After()
    {
        var admin = await server.CreateAdminAsync("roles.manage");

        var flood = await LoadPatterns.FloodAsync(admin.Http, "roles", TimeSpan.FromSeconds(6));

        Assert.True(flood.Refused > 0, $"{flood.Passed} passed, none refused");
        var refusal = flood.FirstRefusal!;
        Assert.Equal("application/problem+json", refusal.MediaType);
        Assert.InRange(int.Parse(refusal.RetryAfter!, CultureInfo.InvariantCulture), 1, 5);
        var problem = JsonNode.Parse(refusal.Body)!.AsObject();
        Assert.Equal(429, (int?)problem["status"]);
        Assert.Contains("the limit for this credential is 5 a second", (string?)problem["detail"], StringComparison.Ordinal);
    }
}
