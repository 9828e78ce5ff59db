using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// Console sign-in through a tenant's SAML 2.0 connection, against real samlify identity
/// providers run by Node: the connection is made over the admin API, the IdP reads Roster's SP
/// metadata, and only a response signed with the connection's certificate, made for its ACS and
/// entity ID, in time, answering a request of this connection (or IdP-initiated when allowed)
/// and used once signs a person in. Tampered responses (signature wrapping, a comment in the
/// NameID, a DTD) are refused with a page, never a 500.
/// </summary>
[Collection(SsoCollectionDefinition.Name)]
public sealed class SamlSignInTests(SsoServerFixture server, TestIdentityProviders idps)
{
    private const string Manage = "security.login.manage";

    [Fact]
    public async Task An_employee_signs_in_through_the_IdP_with_signed_requests_and_a_response_is_used_once()
    {
        var key = SamlKey.Create();
        var idp = await idps.CreateSamlIdpAsync(key, wantAuthnRequestsSigned: true);
        var (admin, connection) = await ConnectAsync(idp, new { signRequests = true });
        await idps.AddSamlSpAsync(idp, connection.MetadataUrl);
        var metadata = await new HttpClient().GetStringAsync(new Uri(connection.MetadataUrl));
        using var browser = new SamlBrowser(server.BaseAddress);

        var post = await browser.SignInAtIdpAsync(connection.StartPath, admin.Email);
        var answer = await browser.PostAsync(post);
        var again = await browser.PostAsync(post);

        Assert.Contains($"entityID=\"{connection.MetadataUrl}\"", metadata, StringComparison.Ordinal);
        Assert.Contains($"Location=\"{connection.AcsUrl}\"", metadata, StringComparison.Ordinal);
        Assert.Contains("<ds:X509Certificate>", metadata, StringComparison.Ordinal);
        Assert.Equal(post.Acs.ToString(), connection.AcsUrl);
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
        Assert.Equal("/console", answer.Headers.Location!.ToString());
        var console = await browser.GetAsync("console");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains(admin.Email, await console.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        await AssertRefusedAsync(again, HttpStatusCode.BadRequest, "used already");
    }

    [Fact]
    public async Task A_response_signed_only_on_the_Response_signs_in_and_IdP_initiated_is_refused_until_allowed()
    {
        var key = SamlKey.Create();
        var idp = await idps.CreateSamlIdpAsync(key);
        var (admin, connection) = await ConnectAsync(idp);
        await idps.AddSamlSpAsync(idp, connection.MetadataUrl, signAssertion: false, signResponse: true);
        using var browser = new SamlBrowser(server.BaseAddress);

        var spInitiated = await browser.PostAsync(await browser.SignInAtIdpAsync(connection.StartPath, admin.Email));
        var refused = await browser.PostAsync(await browser.IdpInitiatedAsync(idps.SamlBase, idp, connection.MetadataUrl, admin.Email));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync($"sso/connections/{connection.Id}", new { allowIdpInitiated = true })).StatusCode);
        using var other = new SamlBrowser(server.BaseAddress);
        var accepted = await other.PostAsync(await other.IdpInitiatedAsync(idps.SamlBase, idp, connection.MetadataUrl, admin.Email));

        Assert.Equal(HttpStatusCode.Redirect, spInitiated.StatusCode);
        await AssertRefusedAsync(refused, HttpStatusCode.Forbidden, "IdP-initiated");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("console")).StatusCode);
    }

    [Fact]
    public async Task A_response_signed_with_another_key_or_with_its_signature_removed_is_refused()
    {
        var key = SamlKey.Create();
        var idp = await idps.CreateSamlIdpAsync(key);
        var (admin, connection) = await ConnectAsync(idp, new { allowIdpInitiated = true });
        var impostor = await idps.CreateSamlIdpAsync(SamlKey.Create(), idp.EntityId);
        await idps.AddSamlSpAsync(idp, connection.MetadataUrl);
        await idps.AddSamlSpAsync(impostor, connection.MetadataUrl);
        using var browser = new SamlBrowser(server.BaseAddress);
        var good = await browser.IdpInitiatedAsync(idps.SamlBase, idp, connection.MetadataUrl, admin.Email);
        var document = new System.Xml.XmlDocument { PreserveWhitespace = true };
        document.LoadXml(good.Xml);
        foreach (var signature in document.GetElementsByTagName("Signature", "http://www.w3.org/2000/09/xmldsig#").OfType<System.Xml.XmlElement>().ToList())
        {
            signature.ParentNode!.RemoveChild(signature);
        }

        await AssertRefusedAsync(await browser.PostAsync(await browser.IdpInitiatedAsync(idps.SamlBase, impostor, connection.MetadataUrl, admin.Email)), HttpStatusCode.BadRequest, "not one Roster can trust");
        await AssertRefusedAsync(await browser.PostAsync(good.WithXml(document.OuterXml)), HttpStatusCode.BadRequest, "not one Roster can trust");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(good)).StatusCode);
    }

    [Fact]
    public async Task Signature_wrapping_of_a_signed_assertion_or_a_signed_response_never_signs_the_victim_in()
    {
        var key = SamlKey.Create();
        var idp = await idps.CreateSamlIdpAsync(key);
        var (admin, connection) = await ConnectAsync(idp, new { allowIdpInitiated = true });
        var responseSigner = await idps.CreateSamlIdpAsync(key, idp.EntityId);
        await idps.AddSamlSpAsync(idp, connection.MetadataUrl);
        await idps.AddSamlSpAsync(responseSigner, connection.MetadataUrl, signAssertion: false, signResponse: true);
        var attacker = await server.AddEmployeeAsync(admin.Tenant, "employees.view");
        using var browser = new SamlBrowser(server.BaseAddress);
        var signedAssertion = await browser.IdpInitiatedAsync(idps.SamlBase, idp, connection.MetadataUrl, attacker.Email);
        var signedResponse = await browser.IdpInitiatedAsync(idps.SamlBase, responseSigner, connection.MetadataUrl, attacker.Email);
        var corpus = SignatureWrapping.OfSignedAssertion(signedAssertion.Xml, admin.Email).Select(w => (w.Name, signedAssertion.WithXml(w.Xml)))
            .Concat(SignatureWrapping.OfSignedResponse(signedResponse.Xml, admin.Email).Select(w => (w.Name, signedResponse.WithXml(w.Xml))))
            .ToList();

        foreach (var (name, wrapped) in corpus)
        {
            var answer = await browser.PostAsync(wrapped);
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{name}: {answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            await AssertRefusedAsync(answer, HttpStatusCode.BadRequest, "Start again");
        }

        // The responses the corpus was made of are good ones: they sign the attacker in, as themselves.
        Assert.Equal(13, corpus.Count);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(signedAssertion)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(signedResponse)).StatusCode);
        var console = await (await browser.GetAsync("console")).Content.ReadAsStringAsync();
        Assert.Contains(attacker.Email, console, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(admin.Email, console, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_comment_in_the_NameID_a_DTD_an_encrypted_assertion_and_an_oversized_body_are_refused()
    {
        var idp = await idps.CreateSamlIdpAsync(SamlKey.Create());
        var (admin, connection) = await ConnectAsync(idp, new { allowIdpInitiated = true });
        await idps.AddSamlSpAsync(idp, connection.MetadataUrl);
        using var browser = new SamlBrowser(server.BaseAddress);

        // The attacker holds the IdP account admin@...com.evil.com; the comment keeps the signature (canonical XML drops comments).
        var evil = await browser.IdpInitiatedAsync(idps.SamlBase, idp, connection.MetadataUrl, admin.Email + ".evil.com");
        var commented = evil.WithXml(evil.Xml.Replace($">{admin.Email}.evil.com<", $">{admin.Email}<!---->.evil.com<", StringComparison.Ordinal));
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY e{i} \"&e{i - 1};&e{i - 1};&e{i - 1};&e{i - 1};&e{i - 1};&e{i - 1};&e{i - 1};&e{i - 1};\">"));
        var dtd = evil.WithXml($"<?xml version=\"1.0\"?><!DOCTYPE samlp:Response [<!ENTITY e0 \"lol\">{entities}]>" + evil.Xml.Replace($">{admin.Email}.evil.com<", ">&e9;<", StringComparison.Ordinal));
        var encrypted = evil.WithXml(evil.Xml.Replace("<saml:Assertion ", "<saml:EncryptedAssertion ", StringComparison.Ordinal).Replace("</saml:Assertion>", "</saml:EncryptedAssertion>", StringComparison.Ordinal));
        var oversized = evil with { SamlResponse = new string('A', 800 * 1024) };

        Assert.NotEqual(evil.Xml, commented.Xml);
        await AssertRefusedAsync(await browser.PostAsync(commented), HttpStatusCode.BadRequest, "NameID");
        await AssertRefusedAsync(await browser.PostAsync(dtd), HttpStatusCode.BadRequest, "could not read");
        await AssertRefusedAsync(await browser.PostAsync(encrypted), HttpStatusCode.BadRequest, "encrypted");
        await AssertRefusedAsync(await browser.PostAsync(oversized), HttpStatusCode.RequestEntityTooLarge, "larger than Roster accepts");
        await AssertRefusedAsync(await browser.PostAsync(evil), HttpStatusCode.Forbidden, "There is no profile");
    }

    [Fact]
    public async Task A_wrong_audience_destination_or_time_and_an_unknown_request_are_refused()
    {
        var idp = await idps.CreateSamlIdpAsync(SamlKey.Create());
        var (admin, connection) = await ConnectAsync(idp, new { allowIdpInitiated = true });
        await idps.AddSamlSpAsync(idp, connection.MetadataUrl);
        using var browser = new SamlBrowser(server.BaseAddress);
        Task<HttpResponseMessage> Send(string query) => SendAsync(browser, idp, connection, admin.Email, query);

        await AssertRefusedAsync(await Send("&audience=https%3A%2F%2Fother.example.com%2Fsp"), HttpStatusCode.BadRequest, "not made for this Roster connection");
        await AssertRefusedAsync(await Send("&destination=" + Uri.EscapeDataString(connection.AcsUrl + "x")), HttpStatusCode.BadRequest, "not made for this Roster connection");
        await AssertRefusedAsync(await Send("&shift=-3600"), HttpStatusCode.BadRequest, "outside the time");
        await AssertRefusedAsync(await Send("&shift=3600"), HttpStatusCode.BadRequest, "outside the time");
        await AssertRefusedAsync(await Send("&inResponseTo=_unknown&RelayState=_unknown"), HttpStatusCode.BadRequest, "Start again");
        Assert.Equal(HttpStatusCode.Redirect, (await Send("")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_or_deactivated_person_another_tenants_connection_and_a_turned_off_one_are_pages()
    {
        var idp = await idps.CreateSamlIdpAsync(SamlKey.Create());
        var (admin, connection) = await ConnectAsync(idp, new { allowIdpInitiated = true });
        await idps.AddSamlSpAsync(idp, connection.MetadataUrl);
        var leaver = await server.AddEmployeeAsync(admin.Tenant, "employees.view");
        var deactivated = await admin.Tenant.Scim.PatchAsync($"Users/{leaver.EmployeeId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        Assert.True(deactivated.IsSuccessStatusCode, await deactivated.Content.ReadAsStringAsync());
        var other = await server.CreateAdminAsync(Manage);
        using var browser = new SamlBrowser(server.BaseAddress);

        await AssertRefusedAsync(await browser.PostAsync(await browser.SignInAtIdpAsync(connection.StartPath, $"nobody-{Guid.NewGuid():N}@example.com")), HttpStatusCode.Forbidden, "There is no profile");
        await AssertRefusedAsync(await SendAsync(browser, idp, connection, leaver.Email, ""), HttpStatusCode.Forbidden, "deactivated");
        await AssertRefusedAsync(await SendAsync(browser, idp, connection, other.Email, ""), HttpStatusCode.Forbidden, "There is no profile");
        var good = await browser.IdpInitiatedAsync(idps.SamlBase, idp, connection.MetadataUrl, admin.Email);
        var elsewhere = good with { Acs = new Uri(connection.AcsUrl.Replace(admin.OrgId.ToString(), other.OrgId.ToString(), StringComparison.Ordinal)) };
        await AssertRefusedAsync(await browser.PostAsync(elsewhere), HttpStatusCode.NotFound, "no single sign-on connection");
        await AssertRefusedAsync(await browser.GetAsync(connection.StartPath.Replace(admin.OrgId.ToString(), other.OrgId.ToString(), StringComparison.Ordinal)), HttpStatusCode.NotFound, "no single sign-on connection");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync($"sso/connections/{connection.Id}", new { enabled = false })).StatusCode);
        await AssertRefusedAsync(await browser.PostAsync(good), HttpStatusCode.Forbidden, "turned off");
    }

    private async Task<HttpResponseMessage> SendAsync(SamlBrowser browser, SamlIdp idp, SamlConnection connection, string email, string query) =>
        await browser.PostAsync(await browser.IdpInitiatedAsync(idps.SamlBase, idp, connection.MetadataUrl, email, query));

    /// <summary>A tenant with an administrator, and a SAML connection to <paramref name="idp"/> made over the admin API.</summary>
    private async Task<(AdminSession Admin, SamlConnection Connection)> ConnectAsync(SamlIdp idp, object? settings = null)
    {
        var admin = await server.CreateAdminAsync(Manage, "employees.view", "employees.edit", "audit.view");
        var body = new JsonObject { ["protocol"] = "saml", ["name"] = "Test SAML IdP", ["idpEntityId"] = idp.EntityId, ["idpSsoUrl"] = idp.SsoUrl, ["idpCertificates"] = new JsonArray(idp.Key.CertificatePem) };
        if (settings is not null)
        {
            foreach (var (name, value) in System.Text.Json.JsonSerializer.SerializeToNode(settings)!.AsObject())
            {
                body[name] = value?.DeepClone();
            }
        }

        var created = await admin.Http.PostAsync("sso/connections", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var document = await created.ReadObjectAsync();
        var saml = document["saml"]!;
        var id = Guid.Parse((string)document["id"]!);
        return (admin, new SamlConnection(id, $"console/sso/{admin.OrgId}/{id}/start", (string)saml["spMetadataUrl"]!, (string)saml["acsUrl"]!));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string says)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode} {response.Headers.Location} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, body, StringComparison.Ordinal);
        Assert.Contains("/console/sign-in", body, StringComparison.Ordinal);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith(Roster.Server.Console.ConsoleAuthentication.CookieName + "=", StringComparison.Ordinal));
    }

    private sealed record SamlConnection(Guid Id, string StartPath, string MetadataUrl, string AcsUrl);
}
