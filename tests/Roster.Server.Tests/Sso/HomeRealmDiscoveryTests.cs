using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Isolation;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// Home-realm discovery on the sign-in page: the email alone sends a person whose domain an
/// organization with single sign-on verified (through DNS, a real dnsmasq) to that organization's
/// identity provider; the answer depends on the domain only, so an address without a profile gets
/// the same one; a domain that is unverified, or verified by an organization without an enabled
/// connection, is told to use the password.
/// </summary>
[Collection(SsoCollectionDefinition.Name)]
public sealed class HomeRealmDiscoveryTests(SsoServerFixture server)
{
    [Fact]
    public async Task The_email_alone_leads_to_the_identity_provider_of_the_organization_that_verified_its_domain()
    {
        var admin = await server.CreateAdminAsync("security.login.manage");
        var domain = $"hrd-{Guid.NewGuid():N}.test";
        await VerifyAsync(admin, domain);
        var connection = await ConnectAsync(admin);

        var known = await ContinueAsync($"pat@{domain}");
        var nobody = await ContinueAsync($"no-such-person@{domain.ToUpperInvariant()}");
        var elsewhere = await ContinueAsync($"pat@unverified-{Guid.NewGuid():N}.test");

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal($"/console/sso/{admin.OrgId}/{connection}/start", known.Headers.Location!.OriginalString);
        Assert.Equal(known.Headers.Location, nobody.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Contains("No single sign-on is set up for this email", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verified_domain_without_an_enabled_connection_is_told_to_use_the_password()
    {
        var admin = await server.CreateAdminAsync("security.login.manage");
        var domain = $"hrd-off-{Guid.NewGuid():N}.test";
        await VerifyAsync(admin, domain);
        var connection = await ConnectAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync($"sso/connections/{connection}", new { enabled = false })).StatusCode);

        var answer = await ContinueAsync($"pat@{domain}");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("No single sign-on is set up for this email", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task VerifyAsync(AdminSession admin, string domain)
    {
        var added = await (await admin.Http.PostAsJsonAsync("domains", new { domain })).ReadObjectAsync();
        await using var dns = await DnsmasqServer.StartAsync(((string)added["recordName"]!, (string)added["recordValue"]!));
        using var route = server.Dns.Route((string)added["recordName"]!, dns);
        Assert.True((bool)(await (await admin.Http.PostNoBodyAsync($"domains/{added.Id()}/verify")).ReadObjectAsync())["found"]!);
    }

    private static async Task<Guid> ConnectAsync(AdminSession admin)
    {
        var body = new JsonObject
        {
            ["protocol"] = "saml",
            ["name"] = "Company IdP",
            ["idpEntityId"] = "http://127.0.0.1:9/idp",
            ["idpSsoUrl"] = "http://127.0.0.1:9/sso",
            ["idpCertificates"] = new JsonArray(SamlKey.Create().CertificatePem),
        };
        var created = await admin.Http.PostAsync("sso/connections", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return Guid.Parse((string)(await created.ReadObjectAsync())["id"]!);
    }

    /// <summary>The sign-in form's "Continue with single sign-on", with the email only.</summary>
    private async Task<HttpResponseMessage> ContinueAsync(string email)
    {
        var browser = await ConsoleSession.AnonymousAsync(server.BaseAddress);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var request = Requests.Form("console/sign-in?handler=Sso", browser.FormToken, ("Email", email));
        browser.Apply(request);
        return await http.SendAsync(request);
    }
}
