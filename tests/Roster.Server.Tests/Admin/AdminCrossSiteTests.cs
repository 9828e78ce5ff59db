using System.Net;
using System.Text;
using Roster.Server.Admin.Http;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

/// <summary>
/// A browser replays an administrator's HTTP Basic credentials to any page that posts to the
/// admin API, and a page on another site can post a form (or text) but not JSON without a CORS
/// preflight: every state-changing request must declare JSON, body or not.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class AdminCrossSiteTests(RosterServerFixture server)
{
    public static TheoryData<string, string?> CrossSiteBodies => new()
    {
        { "application/x-www-form-urlencoded", "" },
        { "multipart/form-data; boundary=x", "--x--" },
        { "text/plain", "{}" },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(CrossSiteBodies))]
    public async Task A_request_a_cross_site_form_could_send_is_refused_with_415_and_changes_nothing(string mediaType, string? body)
    {
        var admin = await server.CreateAdminAsync("employees.edit", "security.login.manage");
        var id = await SignIn.SignInPeople.InvitedAsync(server, admin.OrgId, $"new-{Guid.NewGuid():N}@example.com");
        var domain = (await (await admin.Http.PostAsync("domains", new StringContent($$"""{"domain":"d{{Guid.NewGuid():N}}.test"}""", Encoding.UTF8, "application/json"))).ReadObjectAsync()).Id();
        var mails = server.Mail.Sent.Count;

        var invite = await admin.Http.SendAsync(Request(HttpMethod.Post, $"employees/{id}/invite", mediaType, body));
        var delete = await admin.Http.SendAsync(Request(HttpMethod.Delete, $"domains/{domain}", mediaType, body));

        foreach (var response in new[] { invite, delete })
        {
            var problem = await AdminAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
            Assert.Equal(JsonRequests.Detail, (string?)problem["detail"]);
        }

        Assert.Equal(mails, server.Mail.Sent.Count);
        Assert.Contains(domain, await admin.Http.GetStringAsync("domains"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostNoBodyAsync($"employees/{id}/invite")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteNoBodyAsync($"domains/{domain}")).StatusCode);
    }

    [Fact]
    public async Task Reading_needs_no_content_type()
    {
        var admin = await server.CreateAdminAsync("employees.view");

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("employees")).StatusCode);
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string mediaType, string? body)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body);
            request.Content.Headers.ContentType = mediaType.Length == 0 ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
        }

        return request;
    }
}
