using System.Net;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

[Collection(ServerCollectionDefinition.Name)]
public sealed class AuthenticationTests(RosterServerFixture server)
{
    [Theory]
    [InlineData("Users")]
    [InlineData("Groups")]
    [InlineData("ServiceProviderConfig")]
    [InlineData("Schemas")]
    [InlineData("ResourceTypes")]
    public async Task Missing_token_is_401_with_scim_error_and_www_authenticate(string path)
    {
        var tenant = await server.CreateTenantAsync();
        using var anonymous = server.CreateClient(null, $"scim/v2/{tenant.OrgId}/");

        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/scim+json", response.MediaType()!.MediaType);
        var error = await response.ReadObjectAsync();
        Assert.Equal("401", error["status"]!.GetValue<string>());
        Assert.Contains("urn:ietf:params:scim:api:messages:2.0:Error", error["schemas"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error["detail"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Bearer roster_scim_notarealtoken")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer roster_scim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA000000")]
    public async Task Bad_token_is_401(string authorization)
    {
        var tenant = await server.CreateTenantAsync();
        using var client = server.CreateClient(null, $"scim/v2/{tenant.OrgId}/");
        using var request = new HttpRequestMessage(HttpMethod.Get, "Users");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("401", (await response.ReadObjectAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lowercase_bearer_scheme_is_accepted()
    {
        var tenant = await server.CreateTenantAsync();
        using var client = server.CreateClient(null, $"scim/v2/{tenant.OrgId}/");
        using var request = new HttpRequestMessage(HttpMethod.Get, "Users");
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + tenant.Token);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_sent_to_another_tenants_url_is_401()
    {
        var a = await server.CreateTenantAsync("A");
        var b = await server.CreateTenantAsync("B");
        using var crossed = server.CreateClient(a.Token, $"scim/v2/{b.OrgId}/");

        var response = await crossed.GetAsync("Users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(b.OrgId.ToString(), (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_token_is_refused_at_once()
    {
        var tenant = await server.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.OK, (await tenant.Scim.GetAsync("Users")).StatusCode);
        var id = (await server.Services.GetRequiredService<Roster.Directory.Tokens.ListScimTokens>().ExecuteAsync(tenant.OrgId, CancellationToken.None)).Single().Id;

        await server.Services.GetRequiredService<Roster.Directory.Tokens.RevokeScimToken>().ExecuteAsync(tenant.OrgId, id, CancellationToken.None);
        var response = await tenant.Scim.GetAsync("Users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("revoked", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Expired_token_is_refused_with_a_reason()
    {
        var tenant = await server.CreateTenantAsync();
        var expired = await server.Services.GetRequiredService<Roster.Directory.Tokens.IssueOperatorScimToken>().ExecuteAsync(tenant.OrgId, "old", DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);
        using var client = server.CreateClient(expired.Token, $"scim/v2/{tenant.OrgId}/");

        var response = await client.GetAsync("Users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}
