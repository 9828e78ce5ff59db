using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.OAuth;

/// <summary>
/// How clients prove themselves: PKCE with S256 only (never <c>plain</c>), and each client with
/// the token endpoint authentication method it is registered for.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ClientAuthenticationTests(RosterServerFixture server)
{
    private const string Callback = "https://app.example.com/callback";

    [Fact]
    public async Task A_plain_PKCE_challenge_is_refused_and_discovery_offers_only_S256()
    {
        var admin = await server.CreateAdminAsync("security.login.manage");
        var app = await RegisterAsync(admin, "user-public");
        var clientId = (string)app["app"]!["clientId"]!;
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var verifier = new string('v', 50);

        var plain = await anonymous.GetAsync(AuthorizeUrl(clientId) + $"&code_challenge={verifier}&code_challenge_method=plain");
        var unnamed = await anonymous.GetAsync(AuthorizeUrl(clientId) + $"&code_challenge={verifier}");
        var s256 = await anonymous.GetAsync(AuthorizeUrl(clientId) + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        var discovery = JsonNode.Parse(await anonymous.GetStringAsync(".well-known/openid-configuration"))!;

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("code_challenge_method", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, s256.StatusCode);
        Assert.Equal(["S256"], discovery["code_challenge_methods_supported"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public async Task An_app_registered_for_client_secret_post_is_refused_with_HTTP_Basic_at_the_token_and_revocation_endpoints()
    {
        var admin = await server.CreateAdminAsync("security.login.manage", "employees.edit");
        var app = await RegisterAsync(admin, "back-end");
        var clientId = (string)app["app"]!["clientId"]!;
        var secret = (string)app["clientSecret"]!;
        using var http = server.CreateClient(null);

        var basic = await http.ClientCredentialsBasicAsync(clientId, secret);
        var posted = await http.ClientCredentialsPostAsync(clientId, secret);
        var token = (string)(await posted.ReadJsonAsync())["access_token"]!;
        using var revoke = new HttpRequestMessage(HttpMethod.Post, "auth/revoke") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }) };
        revoke.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        var revokedByBasic = await http.SendAsync(revoke);

        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        var refusal = await basic.ReadJsonAsync();
        Assert.Equal("invalid_client", (string?)refusal["error"]);
        Assert.Contains("client_secret_post", (string?)refusal["error_description"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revokedByBasic.StatusCode);
        Assert.Equal("client_secret_post", (string?)app["app"]!["tokenEndpointAuthMethod"]);
    }

    [Fact]
    public async Task A_wrong_secret_sent_by_Basic_to_an_app_gets_the_same_answer_as_an_unknown_client()
    {
        var admin = await server.CreateAdminAsync("security.login.manage", "employees.edit");
        var app = await RegisterAsync(admin, "back-end");
        using var http = server.CreateClient(null);

        var wrong = await http.ClientCredentialsBasicAsync((string)app["app"]!["clientId"]!, "roster_cs_" + new string('x', 46));
        var unknown = await http.ClientCredentialsBasicAsync("roster_app_" + new string('q', 24), "roster_cs_" + new string('x', 46));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await wrong.Content.ReadAsStringAsync());
    }

    private static string AuthorizeUrl(string clientId) =>
        $"/auth/authorize?client_id={Uri.EscapeDataString(clientId)}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(Callback)}&state=s";

    private static async Task<JsonObject> RegisterAsync(AdminSession admin, string clientType)
    {
        var response = await admin.Http.PostAsJsonAsync("apps", new { name = "Client", technicalContacts = new[] { "it@example.com" }, clientType, redirectUris = new[] { Callback } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }
}
