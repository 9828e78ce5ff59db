using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// A SAML connection made from the IdP's metadata URL (<c>idpMetadataUrl</c>), read by the server
/// behind the webhooks' SSRF defence: a loopback URL is refused unless the operator allowed its
/// network (<c>Roster:Sso:MetadataAllowedNetworks</c>); when allowed, the entity ID, SSO URL and
/// signing certificate come from the metadata, and giving the URL again picks up a new
/// certificate. Far too much, JSON, a DTD or metadata without a signing certificate are refused
/// with an error naming the field.
/// </summary>
[Collection(SsoCollectionDefinition.Name)]
public sealed class SamlMetadataUrlTests(SsoServerFixture server, TestIdentityProviders idps, MetadataAllowingServerFixture allowing)
    : IClassFixture<MetadataAllowingServerFixture>
{
    private const string Manage = "security.login.manage";

    [Fact]
    public async Task A_loopback_metadata_URL_is_refused_by_default()
    {
        var idp = await idps.CreateSamlIdpAsync(SamlKey.Create());
        var admin = await server.CreateAdminAsync(Manage);

        var answer = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "saml", name = "From URL", idpMetadataUrl = $"{idps.SamlBase}/saml/{idp.Id}/metadata" });

        var problem = await AssertFieldRefusedAsync(answer);
        Assert.Contains("loopback address", problem, StringComparison.Ordinal);
        Assert.Contains("MetadataAllowedNetworks", problem, StringComparison.Ordinal);
        Assert.Equal("[]", (await admin.Http.GetStringAsync("sso/connections")).Trim());
    }

    [Fact]
    public async Task The_metadata_is_read_when_its_network_is_allowed_and_read_again_for_a_new_certificate()
    {
        var first = SamlKey.Create();
        var idp = await idps.CreateSamlIdpAsync(first);
        var rolled = await idps.CreateSamlIdpAsync(SamlKey.Create(), idp.EntityId);
        var admin = await allowing.CreateAdminAsync(Manage);

        var created = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "saml", name = "From URL", idpMetadataUrl = $"{idps.SamlBase}/saml/{idp.Id}/metadata" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var saml = (await created.ReadObjectAsync())["saml"]!;
        var id = (string)(await admin.Http.GetFromJsonAsync<JsonArray>("sso/connections"))![0]!["id"]!;
        var refreshed = await admin.Http.PatchAsJsonAsync($"sso/connections/{id}", new { idpMetadataUrl = $"{idps.SamlBase}/saml/{rolled.Id}/metadata" });
        Assert.True(refreshed.StatusCode == HttpStatusCode.OK, await refreshed.Content.ReadAsStringAsync());
        var after = (await refreshed.ReadObjectAsync())["saml"]!;

        Assert.Equal(idp.EntityId, (string)saml["idpEntityId"]!);
        Assert.Equal(idp.SsoUrl, (string)saml["idpSsoUrl"]!);
        Assert.Equal(Thumbprint(first), (string)saml["idpCertificates"]![0]!["sha256Thumbprint"]!);
        Assert.Equal($"{idps.SamlBase}/saml/{idp.Id}/metadata", (string)saml["idpMetadataUrl"]!);
        Assert.Equal(Thumbprint(rolled.Key), (string)after["idpCertificates"]![0]!["sha256Thumbprint"]!);
        Assert.Single(after["idpCertificates"]!.AsArray());
    }

    [Theory]
    [InlineData("/big", "more than 256 KiB")]
    [InlineData("/json", "not well-formed XML")]
    [InlineData("/dtd", "without a DTD")]
    [InlineData("/unsigned", "no signing certificate")]
    [InlineData("/missing", "answered 404")]
    public async Task Metadata_that_is_too_large_or_not_metadata_is_refused(string path, string says)
    {
        await using var hostile = await MetadataServer.StartNewAsync();
        var admin = await allowing.CreateAdminAsync(Manage);

        var answer = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "saml", name = "From URL", idpMetadataUrl = hostile.BaseUrl + path });

        Assert.Contains(says, await AssertFieldRefusedAsync(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pasted_metadata_fills_the_connection_and_a_closed_port_says_it_could_not_be_reached()
    {
        var key = SamlKey.Create();
        var idp = await idps.CreateSamlIdpAsync(key);
        var xml = await new HttpClient().GetStringAsync(new Uri($"{idps.SamlBase}/saml/{idp.Id}/metadata"));
        var admin = await allowing.CreateAdminAsync(Manage);

        var pasted = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "saml", name = "Pasted", idpMetadataXml = xml });
        var closed = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "saml", name = "Closed", idpMetadataUrl = "http://127.0.0.1:9/metadata" });

        Assert.True(pasted.StatusCode == HttpStatusCode.Created, await pasted.Content.ReadAsStringAsync());
        Assert.Equal(Thumbprint(key), (string)(await pasted.ReadObjectAsync())["saml"]!["idpCertificates"]![0]!["sha256Thumbprint"]!);
        Assert.Contains("could not be reached", await AssertFieldRefusedAsync(closed), StringComparison.Ordinal);
    }

    private static string Thumbprint(SamlKey key)
    {
        using var certificate = X509Certificate2.CreateFromPem(key.CertificatePem);
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    private static async Task<string> AssertFieldRefusedAsync(HttpResponseMessage answer)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, body);
        var problem = JsonNode.Parse(body)!;
        Assert.NotNull(problem["errors"]?["idpMetadataUrl"]);
        return (string)problem["detail"]!;
    }
}
