using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Limits;

/// <summary>
/// Each statement of a list or search has a time budget (<c>Roster:Limits:QueryTimeoutMilliseconds</c>,
/// here 500 ms): a filter that costs seconds is stopped there by the database (SQLite's progress
/// handler, PostgreSQL's statement_timeout) and answered 400 <c>tooMany</c>, while another tenant's
/// reads go on. The cut is proven by the answer, never by a timing tighter than the budget.
/// </summary>
public sealed class QueryBudgetTests(QueryBudgetServerFixture server) : IClassFixture<QueryBudgetServerFixture>
{
    private const int Users = 200;
    private const int EmailsPerUser = 200;

    [Fact]
    public async Task An_expensive_filter_is_stopped_at_its_budget_while_another_tenant_reads_on()
    {
        var costly = await server.CreateTenantAsync("Costly");
        var quiet = await server.CreateTenantAsync("Quiet");
        await Parallel.ForEachAsync(Enumerable.Range(0, Users), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancellationToken) =>
        {
            var emails = new JsonArray([.. Enumerable.Range(0, EmailsPerUser).Select(e => (JsonNode)new JsonObject { ["value"] = $"user{i}.mail{e}@example.com" })]);
            var response = await costly.Scim.PostAsync("Users", ScimHttp.Json(new JsonObject { ["userName"] = $"user{i}@example.com", ["emails"] = emails }), cancellationToken);
            response.EnsureSuccessStatusCode();
        });
        await quiet.Scim.CreateUserAsync("quiet@example.com");

        // Every term is tested against every email of every user, and none matches: 8,000,000 case-folded comparisons.
        var filter = "emails[" + string.Join(" or ", Enumerable.Range(0, 200).Select(t => $"value co \"nomatch{t}\"")) + "]";
        var expensive = Enumerable.Range(0, 2)
            .Select(_ => costly.Scim.PostAsync("Users/.search", ScimHttp.Json(new JsonObject { ["filter"] = filter, ["count"] = 10 })))
            .ToList();
        var reads = new List<TimeSpan>();
        while (reads.Count < 5 || !expensive.TrueForAll(t => t.IsCompleted))
        {
            var clock = Stopwatch.StartNew();
            var read = await quiet.Scim.GetAsync("Users?filter=" + Uri.EscapeDataString("userName eq \"quiet@example.com\""));
            reads.Add(clock.Elapsed);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(1, (await read.ReadObjectAsync())["totalResults"]!.GetValue<int>());
        }

        foreach (var response in await Task.WhenAll(expensive))
        {
            await ScimRequestLimitTests.AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "tooMany", "longer than the 500 ms this server gives one query");
        }

        var median = reads.Order().ElementAt(reads.Count / 2);
        Assert.True(median < TimeSpan.FromMilliseconds(QueryBudgetServerFixture.QueryTimeoutMilliseconds), $"the other tenant's median read took {median.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_cheap_filter_over_the_same_data_is_answered()
    {
        var tenant = await server.CreateTenantAsync("Cheap");
        var emails = new JsonArray([.. Enumerable.Range(0, EmailsPerUser).Select(e => (JsonNode)new JsonObject { ["value"] = $"cheap.mail{e}@example.com" })]);
        (await tenant.Scim.PostAsync("Users", ScimHttp.Json(new JsonObject { ["userName"] = "cheap@example.com", ["emails"] = emails }))).EnsureSuccessStatusCode();

        var response = await tenant.Scim.GetAsync("Users?filter=" + Uri.EscapeDataString("emails.value eq \"cheap.mail7@example.com\""));

        Assert.Equal(1, (await response.ReadObjectAsync())["totalResults"]!.GetValue<int>());
    }
}
