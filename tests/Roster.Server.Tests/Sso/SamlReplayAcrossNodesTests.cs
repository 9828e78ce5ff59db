using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Roster.Server.Hosting;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// A SAML response is used once by the whole deployment, not once per node: a second Roster on
/// the same database (the same SQLite file, or the same PostgreSQL database), behind the same
/// public URL as a load balancer would give both, refuses a response the first node accepted.
/// The assertion ids live in <c>saml_assertions</c>; a store kept in each server's memory would
/// let node B sign the person in again with the captured response.
/// </summary>
[Collection(SsoCollectionDefinition.Name)]
public sealed class SamlReplayAcrossNodesTests(SsoServerFixture server, TestIdentityProviders idps)
{
    [Fact]
    public async Task A_response_accepted_by_one_node_is_refused_by_another_on_the_same_database()
    {
        var idp = await idps.CreateSamlIdpAsync(SamlKey.Create());
        var admin = await server.CreateAdminAsync("security.login.manage", "employees.view");
        var body = new JsonObject
        {
            ["protocol"] = "saml",
            ["name"] = "Replay IdP",
            ["idpEntityId"] = idp.EntityId,
            ["idpSsoUrl"] = idp.SsoUrl,
            ["idpCertificates"] = new JsonArray(idp.Key.CertificatePem),
            ["allowIdpInitiated"] = true,
        };
        var created = await admin.Http.PostAsync("sso/connections", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var metadataUrl = (string)(await created.ReadObjectAsync())["saml"]!["spMetadataUrl"]!;
        await idps.AddSamlSpAsync(idp, metadataUrl);

        await using var nodeB = await StartNodeBAsync();
        using var atA = new SamlBrowser(server.BaseAddress);
        using var atB = new SamlBrowser(nodeB.Address);
        var post = await atA.IdpInitiatedAsync(idps.SamlBase, idp, metadataUrl, admin.Email);

        var accepted = await atA.PostAsync(post);
        var replayed = await atB.PostAsync(post with { Acs = new Uri(nodeB.Address, post.Acs.PathAndQuery) });

        Assert.True(accepted.StatusCode == HttpStatusCode.Redirect, await accepted.Content.ReadAsStringAsync());
        var page = await replayed.Content.ReadAsStringAsync();
        Assert.True(replayed.StatusCode == HttpStatusCode.BadRequest, $"Node B answered {replayed.StatusCode}: {page}");
        Assert.Contains("used already", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await atB.GetAsync("console")).StatusCode);
    }

    /// <summary>A second server on the fixture's database, whose public URL is the fixture's, as behind one load balancer.</summary>
    private async Task<Node> StartNodeBAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Roster:RateLimits:Enabled"] = "false",
            ["Roster:Sso:AllowLoopbackHttp"] = "true",
            ["Roster:Deployment:PublicBaseUrl"] = server.BaseAddress.ToString().TrimEnd('/'),
        };
        var app = RosterWebApplication.Create(
            server.Storage, "http://127.0.0.1:0", [.. settings.Select(s => $"--{s.Key}={s.Value}")], b => b.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Node(app, new Uri(address + "/"));
    }

    private sealed record Node(Microsoft.AspNetCore.Builder.WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
