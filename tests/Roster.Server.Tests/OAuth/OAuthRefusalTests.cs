using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Seeds;

namespace Roster.Server.Tests.OAuth;

/// <summary>Discovery, and the credentials the OAuth server and the SCIM API must turn away.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class OAuthRefusalTests(RosterServerFixture server)
{
    [Fact]
    public async Task Discovery_names_the_endpoints_grants_and_a_signing_key()
    {
        using var http = server.CreateClient(null);

        var discovery = JsonNode.Parse(await http.GetStringAsync(".well-known/openid-configuration"))!;
        var jwks = JsonNode.Parse(await http.GetStringAsync(new Uri((string)discovery["jwks_uri"]!).PathAndQuery.TrimStart('/')))!;

        Assert.EndsWith("/auth/token", (string?)discovery["token_endpoint"], StringComparison.Ordinal);
        Assert.EndsWith("/auth/authorize", (string?)discovery["authorization_endpoint"], StringComparison.Ordinal);
        Assert.Contains("client_credentials", discovery["grant_types_supported"]!.AsArray().Select(g => (string?)g));
        Assert.Contains("client_secret_post", discovery["token_endpoint_auth_methods_supported"]!.AsArray().Select(g => (string?)g));
        Assert.Contains("scim", discovery["scopes_supported"]!.AsArray().Select(g => (string?)g));
        Assert.Equal("RSA", (string?)jwks["keys"]![0]!["kty"]);
    }

    [Fact]
    public async Task A_SCIM_token_is_no_credential_at_the_token_endpoint()
    {
        var tenant = await server.CreateTenantAsync();
        using var http = server.CreateClient(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Token);

        var response = await http.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        Assert.DoesNotContain("access_token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_access_token_without_the_scim_scope_is_403_on_SCIM()
    {
        var console = await SeedConsole.SignInAsync(server);
        const string callback = "https://system-admin.okta.com/admin/app/cpc/openid_only/oauth/callback";
        var registered = await console.Http.PostAsJsonAsync("apps", new
        {
            name = "Sign-in only",
            technicalContacts = new[] { "it@example.com" },
            clientType = "user-confidential",
            redirectUris = new[] { callback },
            scopes = new[] { "openid" },
        });
        var app = await registered.ReadObjectAsync();
        var org = await console.GetAsync("");

        var tokens = await console.AuthenticateWithRosterAsync(
            org["authorizeEndpoint"]!.GetValue<string>() + "?scope=openid", org["tokenEndpoint"]!.GetValue<string>(),
            (string)app["app"]!["clientId"]!, (string)app["clientSecret"]!, console.Admin.Email, callback);
        using var scim = server.CreateClient((string)tokens["access_token"]!, $"scim/v2/{console.OrgId}/");
        var refused = await scim.GetAsync("Users");

        Assert.DoesNotContain("scim", (string?)tokens["scope"] ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("scim", (string?)(await refused.ReadObjectAsync())["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_garbled_access_token_is_401_on_SCIM()
    {
        var tenant = await server.CreateTenantAsync();
        using var garbled = server.CreateClient("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", $"scim/v2/{tenant.OrgId}/");

        var response = await garbled.GetAsync("Users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("access token", (string?)(await response.ReadObjectAsync())["detail"], StringComparison.Ordinal);
    }
}
