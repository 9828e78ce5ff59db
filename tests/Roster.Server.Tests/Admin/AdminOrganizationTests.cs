using System.Net;
using System.Net.Http.Json;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

[Collection(ServerCollectionDefinition.Name)]
public sealed class AdminOrganizationTests(RosterServerFixture server)
{
    [Fact]
    public async Task Any_signed_in_employee_reads_the_org_ids_region_and_urls()
    {
        var admin = await server.CreateAdminAsync();

        var response = await admin.Http.GetAsync("");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var org = await response.ReadObjectAsync();
        var baseUrl = server.BaseAddress.ToString().TrimEnd('/');
        Assert.Equal(admin.OrgId, Guid.Parse(org["orgId"]!.GetValue<string>()));
        Assert.Equal("local", org["region"]!.GetValue<string>());
        Assert.False(org["government"]!.GetValue<bool>());
        Assert.Equal(baseUrl, org["publicBaseUrl"]!.GetValue<string>());
        Assert.Equal($"{baseUrl}/scim/v2/{admin.OrgId}", org["baseConnectorUrl"]!.GetValue<string>());
        Assert.Equal($"{baseUrl}/auth/token", org["tokenEndpoint"]!.GetValue<string>());
        Assert.Equal($"{baseUrl}/auth/authorize", org["authorizeEndpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_employee_of_one_org_is_refused_on_another_orgs_urls()
    {
        var a = await server.CreateAdminAsync("roles.manage", "audit.view", "scim.manage");
        var b = await server.CreateAdminAsync("roles.manage", "audit.view", "scim.manage");
        var bRole = (await (await b.Http.PostAsJsonAsync("roles", new { name = "Secret role of B" })).ReadObjectAsync()).Id();
        using var aOnB = server.CreateClient(null, $"api/v1/orgs/{b.OrgId}/");
        aOnB.DefaultRequestHeaders.Authorization = a.Http.DefaultRequestHeaders.Authorization;

        foreach (var path in new[] { "", "roles", $"roles/{bRole}", "scim-settings", "audit-events" })
        {
            await AdminAssert.ProblemAsync(await aOnB.GetAsync(path), HttpStatusCode.Unauthorized);
        }

        await AdminAssert.ProblemAsync(await a.Http.GetAsync($"roles/{bRole}"), HttpStatusCode.NotFound);
        await AdminAssert.ProblemAsync(await a.Http.PutAsJsonAsync($"roles/{bRole}/name", new { name = "Taken over" }), HttpStatusCode.NotFound);
        var aRoles = await (await a.Http.GetAsync("roles")).Content.ReadAsStringAsync();
        var aAudit = await (await a.Http.GetAsync("audit-events?pageSize=200")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Secret role of B", aRoles, StringComparison.Ordinal);
        Assert.DoesNotContain(bRole, aAudit, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret role of B", aAudit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_401()
    {
        var admin = await server.CreateAdminAsync("roles.manage");
        using var client = server.CreateClient(null, $"api/v1/orgs/{admin.OrgId}/");
        client.DefaultRequestHeaders.Authorization = AdminSessions.Basic(admin.Email, admin.Password + "x");

        await AdminAssert.ProblemAsync(await client.GetAsync("roles"), HttpStatusCode.Unauthorized);
    }
}
