using System.Net;
using System.Net.Http.Json;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

[Collection(ServerCollectionDefinition.Name)]
public sealed class AdminAuditTests(RosterServerFixture server)
{
    [Fact]
    public async Task Audit_events_filter_by_action_and_resource_and_page_with_a_cursor()
    {
        var admin = await server.CreateAdminAsync("roles.manage", "audit.view");
        var first = (await (await admin.Http.PostAsJsonAsync("roles", new { name = "One" })).ReadObjectAsync()).Id();
        await admin.Http.PostAsJsonAsync("roles", new { name = "Two" });
        await admin.Http.PostAsJsonAsync("roles", new { name = "Three" });
        await admin.Http.PutAsJsonAsync($"roles/{first}/name", new { name = "Uno" });

        var page1 = await (await admin.Http.GetAsync("audit-events?action=role.create&pageSize=2")).ReadObjectAsync();
        var cursor = page1["nextCursor"]!.GetValue<string>();
        var page2 = await (await admin.Http.GetAsync($"audit-events?action=role.create&pageSize=2&cursor={Uri.EscapeDataString(cursor)}")).ReadObjectAsync();
        var ofFirst = await (await admin.Http.GetAsync($"audit-events?resourceType=Role&resourceId={first}")).ReadObjectAsync();
        var future = await (await admin.Http.GetAsync($"audit-events?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}")).ReadObjectAsync();

        Assert.Equal(2, page1["events"]!.AsArray().Count);
        Assert.True(page2["events"]!.AsArray().Count >= 1);
        Assert.All(page1["events"]!.AsArray().Concat(page2["events"]!.AsArray()), e => Assert.Equal("role.create", e!["action"]!.GetValue<string>()));
        Assert.All(page1["events"]!.AsArray(), e =>
        {
            Assert.Equal("admin-api", e!["client"]!.GetValue<string>());
            Assert.Equal(admin.EmployeeId, Guid.Parse(e["actorProfileId"]!.GetValue<string>()));
        });
        Assert.Equal(2, ofFirst["events"]!.AsArray().Count);
        Assert.Empty(future["events"]!.AsArray());
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=13/13/2026", "to")]
    [InlineData("resourceId=abc", "resourceId")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=many", "pageSize")]
    [InlineData("cursor=notacursor", "cursor")]
    public async Task Bad_query_values_are_400_naming_the_parameter(string query, string field)
    {
        var admin = await server.CreateAdminAsync("audit.view");

        var response = await admin.Http.GetAsync($"audit-events?{query}");

        var problem = await AdminAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Without_audit_view_the_log_is_403()
    {
        var admin = await server.CreateAdminAsync("roles.manage");

        var problem = await AdminAssert.ProblemAsync(await admin.Http.GetAsync("audit-events"), HttpStatusCode.Forbidden);

        Assert.Contains("audit.view", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
