using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

[Collection(ServerCollectionDefinition.Name)]
public sealed class AdminAuthenticationTests(RosterServerFixture server)
{
    [Theory]
    [InlineData("")]
    [InlineData("/roles")]
    [InlineData("/scim-settings")]
    [InlineData("/audit-events")]
    [InlineData("/permissions")]
    public async Task Missing_credentials_are_401_problem_with_basic_challenge(string path)
    {
        var tenant = await server.CreateTenantAsync();
        using var client = server.CreateClient(null);

        var response = await client.GetAsync($"api/v1/orgs/{tenant.OrgId}{path}");

        await AdminAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Basic realm=\"Roster admin\", charset=\"UTF-8\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_scim_token_is_refused_with_a_reason()
    {
        var tenant = await server.CreateTenantAsync();
        using var client = server.CreateClient(tenant.Token);

        var response = await client.GetAsync($"api/v1/orgs/{tenant.OrgId}/roles");

        var problem = await AdminAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("SCIM tokens are valid for the SCIM API only", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // A bearer credential is answered in the bearer scheme (RFC 6750 section 3): the admin API
        // takes OAuth access tokens too, and this one is not one.
        Assert.StartsWith("Bearer realm=\"Roster admin\", error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic bm9jb2xvbg==")]
    [InlineData("Digest username=\"x\"")]
    public async Task Malformed_credentials_are_401(string authorization)
    {
        var tenant = await server.CreateTenantAsync();
        using var client = server.CreateClient(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/orgs/{tenant.OrgId}/roles");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        await AdminAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_email_is_401_without_saying_whether_the_email_exists()
    {
        var tenant = await server.CreateTenantAsync();
        using var client = server.CreateClient(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("nobody@example.com:correct horse battery")));

        var response = await client.GetAsync($"api/v1/orgs/{tenant.OrgId}");

        var problem = await AdminAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("nobody@example.com", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("api/v2/anything")]
    [InlineData("api/v1/orgs/not-a-guid/roles")]
    public async Task Unknown_paths_under_api_are_404_problems(string path)
    {
        using var client = server.CreateClient(null);

        var response = await client.GetAsync(path);

        await AdminAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Openapi_document_lists_the_admin_api_and_not_scim()
    {
        using var client = server.CreateClient(null);

        var response = await client.GetAsync("openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadObjectAsync();
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/orgs/{orgId}", paths);
        Assert.Contains("/api/v1/orgs/{orgId}/roles", paths);
        Assert.Contains("/api/v1/orgs/{orgId}/roles/{id}/permissions", paths);
        Assert.Contains("/api/v1/orgs/{orgId}/scim-settings", paths);
        Assert.Contains("/api/v1/orgs/{orgId}/audit-events", paths);
        Assert.Contains("/api/v1/orgs/{orgId}/permissions", paths);
        Assert.Contains("/api/v1/orgs/{orgId}/employees/{id}/invite", paths);
        Assert.Contains("/api/v1/activation", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/scim", StringComparison.Ordinal));
        Assert.Equal("basic", document["components"]!["securitySchemes"]!["employeeBasic"]!["scheme"]!.GetValue<string>());
        Assert.Empty(document["paths"]!["/api/v1/activation"]!["post"]!["security"]!.AsArray());
        Assert.False(string.IsNullOrEmpty(document["paths"]!["/api/v1/orgs/{orgId}/roles"]!["get"]!["summary"]?.GetValue<string>()));
    }
}
