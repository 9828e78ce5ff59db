using System.Net;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Security;

/// <summary>
/// Emailed links (invitations, unlock links) carry single-use tokens, so they are built from
/// the configured public URL, or the address Roster listens on, never from the request's Host
/// header: an administrator's request through a forged Host must not mail a link to the
/// forger's server. Without either, Roster refuses to send and says what to configure.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class EmailedLinkTests(RosterServerFixture server)
{
    [Fact]
    public async Task An_invitation_sent_through_a_forged_host_links_to_the_address_Roster_listens_on()
    {
        var admin = await server.CreateAdminAsync("employees.edit");
        var email = $"invitee-{Guid.NewGuid():N}@example.com";
        var id = await SignIn.SignInPeople.InvitedAsync(server, admin.OrgId, email);

        var invited = await EmailedLinks.InviteThroughAsync(admin.Http, id, "evil.example");

        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Contains(new Uri(server.BaseAddress, "activate#token=").ToString(), server.Mail.LastTo(email).TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", server.Mail.LastTo(email).TextBody, StringComparison.Ordinal);
    }
}

/// <summary>A server with a configured public URL: every emailed link starts with it, whatever Host a request names.</summary>
public sealed class ConfiguredPublicUrlLinkTests(ConfiguredPublicUrlLinkTests.Fixture server) : IClassFixture<ConfiguredPublicUrlLinkTests.Fixture>
{
    public const string PublicUrl = "https://roster.example.test";

    [Fact]
    public async Task An_invitation_links_to_the_configured_public_url_even_through_a_forged_host()
    {
        var admin = await server.CreateAdminAsync("employees.edit");
        var email = $"invitee-{Guid.NewGuid():N}@example.com";
        var id = await SignIn.SignInPeople.InvitedAsync(server, admin.OrgId, email);

        var invited = await EmailedLinks.InviteThroughAsync(admin.Http, id, "evil.example");

        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Contains(PublicUrl + "/activate#token=", server.Mail.LastTo(email).TextBody, StringComparison.Ordinal);
    }

    public sealed class Fixture : RosterServerFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Roster:RateLimits:Enabled"] = "false",
            ["Roster:Deployment:PublicBaseUrl"] = PublicUrl,
        };
    }
}

/// <summary>A server that listens on every address and has no public URL: it does not know its own address, so it sends no link.</summary>
public sealed class WildcardListenerLinkTests(WildcardListenerLinkTests.Fixture server) : IClassFixture<WildcardListenerLinkTests.Fixture>
{
    [Fact]
    public async Task An_invitation_is_refused_with_what_to_configure_and_no_email_goes_out()
    {
        var admin = await server.CreateAdminAsync("employees.edit");
        var id = await SignIn.SignInPeople.InvitedAsync(server, admin.OrgId, $"invitee-{Guid.NewGuid():N}@example.com");
        var mails = server.Mail.Sent.Count;

        var invited = await EmailedLinks.InviteThroughAsync(admin.Http, id, "evil.example");

        var problem = await AdminAssert.ProblemAsync(invited, HttpStatusCode.Conflict);
        Assert.Contains("Roster:Deployment:PublicBaseUrl", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("--public-url", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(mails, server.Mail.Sent.Count);
    }

    public sealed class Fixture : RosterServerFixture
    {
        protected override string ListenUrl => "http://0.0.0.0:0";
    }
}

/// <summary>Sends an invitation with the Host header a client chose.</summary>
internal static class EmailedLinks
{
    public static async Task<HttpResponseMessage> InviteThroughAsync(HttpClient admin, Guid employeeId, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"employees/{employeeId}/invite") { Content = AdminHttp.NoBody() };
        request.Headers.Host = host;
        var response = await admin.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
