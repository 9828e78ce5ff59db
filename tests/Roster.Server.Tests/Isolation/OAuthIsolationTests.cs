using System.Net;
using Roster.Server.Tests.OAuth;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// The OAuth server across tenants: another tenant's client IDs are answered as unknown ones,
/// its refresh tokens can be neither redeemed nor revoked by another tenant's app, a session of
/// one tenant gets no code for another tenant's app, and discovery and JWKS hold no tenant's data.
/// </summary>
[Collection(IsolationCollectionDefinition.Name)]
public sealed class OAuthIsolationTests(TwoTenants world)
{
    [Fact]
    public async Task Another_tenants_access_key_ID_with_a_wrong_secret_is_answered_as_an_unknown_key()
    {
        var (a, b) = (world.A, world.B);
        using var http = world.Server.CreateClient(null);

        var known = await http.ClientCredentialsPostAsync(a.Key.KeyId, b.Key.Secret);
        var unknown = await http.ClientCredentialsPostAsync("RAK" + new string('Q', 20), b.Key.Secret);
        var knownBasic = await http.ClientCredentialsBasicAsync(a.Key.KeyId, b.Key.Secret);
        var unknownBasic = await http.ClientCredentialsBasicAsync("RAK" + new string('Q', 20), b.Key.Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, knownBasic.StatusCode);
        Assert.Equal(await unknownBasic.Content.ReadAsStringAsync(), await knownBasic.Content.ReadAsStringAsync());
        Assert.Equal("invalid_client", (string?)(await known.ReadJsonAsync())["error"]);
    }

    [Fact]
    public async Task Another_tenants_refresh_token_can_be_neither_redeemed_nor_revoked()
    {
        var (a, b) = (world.A, world.B);
        using var http = world.Server.CreateClient(null);

        var redeemed = await http.PostAsync("auth/token", Form(("grant_type", "refresh_token"), ("refresh_token", a.RefreshToken), ("client_id", b.App.ClientId), ("client_secret", b.App.Secret)));
        var revoked = await http.PostAsync("auth/revoke", Form(("token", a.RefreshToken), ("token_type_hint", "refresh_token"), ("client_id", b.App.ClientId), ("client_secret", b.App.Secret)));
        var stillWorks = await http.PostAsync("auth/token", Form(("grant_type", "refresh_token"), ("refresh_token", a.RefreshToken), ("client_id", a.App.ClientId), ("client_secret", a.App.Secret)));

        Assert.Equal(HttpStatusCode.BadRequest, redeemed.StatusCode);
        Assert.Equal("invalid_grant", (string?)(await redeemed.ReadJsonAsync())["error"]);
        Assert.DoesNotContain("access_token", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(stillWorks.StatusCode == HttpStatusCode.OK, await stillWorks.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty((string?)(await stillWorks.ReadJsonAsync())["access_token"]));
    }

    [Fact]
    public async Task A_session_of_one_tenant_gets_no_code_for_another_tenants_app()
    {
        var (a, b) = (world.A, world.B);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = world.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"auth/authorize?client_id={Uri.EscapeDataString(a.App.ClientId)}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(TenantWorld.CallbackUrl)}&state=s");
        b.ConsoleAdmin.Apply(request);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!;
        Assert.StartsWith(TenantWorld.CallbackUrl, back.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(back.Query);
        Assert.Equal("access_denied", query["error"]);
        Assert.Null(query["code"]);
        Assert.DoesNotContain(a.Name, query["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_and_keys_hold_no_tenants_data()
    {
        using var http = world.Server.CreateClient(null);

        var discovery = await http.GetStringAsync(".well-known/openid-configuration");
        var keys = await http.GetStringAsync(".well-known/jwks");

        foreach (var mark in world.A.Marks.Concat(world.B.Marks))
        {
            Assert.DoesNotContain(mark, discovery, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(mark, keys, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
}
