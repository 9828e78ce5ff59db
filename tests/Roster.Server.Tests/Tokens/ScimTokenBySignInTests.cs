using System.Net;
using System.Text.RegularExpressions;
using Roster.Directory.Roles;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Isolation;

namespace Roster.Server.Tests.Tokens;

/// <summary>
/// A SCIM token by signing in, the workflow of Webex's Entra ID guide without the implicit grant:
/// the link <c>/console/scim-token/new?name=...&amp;expires=...</c> leads through sign-in to a page
/// that asks to confirm, then shows a token owned by the signed-in person, once. It can do what
/// that person may do and no more.
/// </summary>
public sealed partial class ScimTokenBySignInTests(RosterServerFixture server) : IClassFixture<RosterServerFixture>
{
    private const string Link = "console/scim-token/new?name=Webex&expires=365";

    [Fact]
    public async Task The_link_leads_through_sign_in_to_the_confirmation_page()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        var anonymous = await browser.GetAsync(Link);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        var location = Uri.UnescapeDataString(anonymous.Headers.Location!.OriginalString);
        Assert.Contains("/console/sign-in", location, StringComparison.Ordinal);
        Assert.Contains("/console/scim-token/new?name=Webex&expires=365", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_gets_a_year_long_token_that_creates_users()
    {
        var admin = await server.CreateAdminAsync([.. Permission.All.Select(p => p.Key)]);
        var console = await ConsoleSession.SignInAsync(server.BaseAddress, "administrator", admin.Email, admin.Password);

        var confirm = await SendAsync(console, new HttpRequestMessage(HttpMethod.Get, Link));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.DoesNotMatch(TokenPattern(), await confirm.Content.ReadAsStringAsync());

        var (issued, token) = await IssueAsync(console);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Contains("no-store", issued.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        using var scim = server.CreateClient(token, $"scim/v2/{admin.OrgId}/");
        var created = await scim.PostAsync("Users", ScimHttp.Json($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"webex-{{Guid.NewGuid():N}}@example.com"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var listed = await server.Services.GetRequiredService<Roster.Directory.Tokens.ListScimTokens>().ExecuteAsync(admin.OrgId, CancellationToken.None);
        var summary = Assert.Single(listed, t => t.Name == "Webex");
        Assert.Equal(admin.Email, summary.OwnerUserName, StringComparer.OrdinalIgnoreCase);
        Assert.InRange(summary.Expires!.Value - DateTimeOffset.UtcNow, TimeSpan.FromDays(364), TimeSpan.FromDays(365.1));
    }

    [Fact]
    public async Task A_person_without_the_SCIM_token_permission_is_refused_and_gets_no_token()
    {
        var editor = await server.CreateAdminAsync(Permission.EmployeesEdit.Key, Permission.EmployeesView.Key);
        var console = await ConsoleSession.SignInAsync(server.BaseAddress, "editor", editor.Email, editor.Password);

        var page = await SendAsync(console, new HttpRequestMessage(HttpMethod.Get, Link));
        var (posted, token) = await IssueAsync(console);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Null(token);
        // A new organization has a token of its own already (its setup's); none may be the one this test asked for.
        Assert.DoesNotContain(await server.Services.GetRequiredService<Roster.Directory.Tokens.ListScimTokens>().ExecuteAsync(editor.OrgId, CancellationToken.None), t => t.Name == "Webex");
    }

    [Fact]
    public async Task A_person_with_a_narrower_role_gets_a_token_that_cannot_create_users()
    {
        var viewer = await server.CreateAdminAsync(Permission.ScimManage.Key, Permission.EmployeesView.Key);
        var console = await ConsoleSession.SignInAsync(server.BaseAddress, "viewer", viewer.Email, viewer.Password);

        var (issued, token) = await IssueAsync(console);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using var scim = server.CreateClient(token!, $"scim/v2/{viewer.OrgId}/");
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("Users")).StatusCode);
        var created = await scim.PostAsync("Users", ScimHttp.Json($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"no-{{Guid.NewGuid():N}}@example.com"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
    }

    private async Task<(HttpResponseMessage Answer, string? Token)> IssueAsync(Credential console)
    {
        var answer = await SendAsync(console, Requests.Form("console/scim-token/new", console.FormToken, ("Name", "Webex"), ("Expires", "365")));
        var match = TokenPattern().Match(await answer.Content.ReadAsStringAsync());
        return (answer, match.Success ? match.Value : null);
    }

    private async Task<HttpResponseMessage> SendAsync(Credential console, HttpRequestMessage request)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        console.Apply(request);
        var answer = await http.SendAsync(request);
        await answer.Content.LoadIntoBufferAsync();
        request.Dispose();
        return answer;
    }

    [GeneratedRegex("roster_scim_[A-Za-z0-9]+")]
    private static partial Regex TokenPattern();
}
