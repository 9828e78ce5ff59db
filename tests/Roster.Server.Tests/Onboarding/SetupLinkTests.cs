using System.Net;
using System.Text.Json.Nodes;
using Roster.Directory.Onboarding;
using Roster.Directory.Operators;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Isolation;
using Roster.Server.Tests.SignIn;

namespace Roster.Server.Tests.Onboarding;

/// <summary>
/// A setup link (<c>/setup#token=...</c>) makes the first administrator of an organization and
/// signs them in, once: used, expired (a day, on the fixture's fake clock) or with a made-up
/// secret, it is refused with a page that says so, and nothing is written.
/// </summary>
[Collection(SignInCollectionDefinition.Name)]
public sealed class SetupLinkTests(SignInServerFixture server)
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task A_setup_link_makes_one_signed_in_administrator_and_works_once()
    {
        var tenant = await server.CreateTenantAsync();
        var link = await IssueAsync(tenant.OrgId);
        var email = $"first-{Guid.NewGuid():N}@example.com";

        var (used, console) = await UseAsync(link.Token, email);

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal("/console", used.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, console);

        // The person holds the Administrator role, active, with the password they chose: the admin API lets them in.
        using var admin = server.CreateClient(null, $"api/v1/orgs/{tenant.OrgId}/");
        admin.DefaultRequestHeaders.Authorization = SignInPeople.Basic(email, Password);
        admin.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.31");
        var roles = await admin.GetAsync("roles");
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        Assert.Contains("\"Administrator\"", await roles.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var before = await CountsAsync(tenant);
        var (again, _) = await UseAsync(link.Token, $"second-{Guid.NewGuid():N}@example.com");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(tenant));

        // And no new link while the organization has its administrator.
        var refused = await server.Services.GetRequiredService<IssueSetupLink>()
            .ExecuteAsync(OperatorActor.Cli, tenant.OrgId, SetupLinkTokens.DefaultLifetime, CancellationToken.None);
        Assert.False(refused.IsSuccess);
        Assert.Equal(SetupLinkErrors.AdministratorExists, refused.Error.Detail);
    }

    [Fact]
    public async Task A_setup_link_a_day_old_is_refused_and_writes_nothing()
    {
        var tenant = await server.CreateTenantAsync();
        var link = await IssueAsync(tenant.OrgId);
        var before = await CountsAsync(tenant);

        server.Time.Advance(TimeSpan.FromHours(24));
        using var http = Browser();
        var opened = await http.GetAsync($"setup?token={link.Token}");
        var (used, _) = await UseAsync(link.Token, $"late-{Guid.NewGuid():N}@example.com");

        Assert.Equal(HttpStatusCode.BadRequest, opened.StatusCode);
        Assert.Contains("expired", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, used.StatusCode);
        Assert.Contains("expired", await used.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(tenant));
    }

    [Fact]
    public async Task A_wrong_secret_for_a_real_link_is_refused_writes_nothing_and_leaves_the_link_working()
    {
        var tenant = await server.CreateTenantAsync();
        var link = await IssueAsync(tenant.OrgId);
        var parts = link.Token.Split('.');
        var guessed = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";
        var before = await CountsAsync(tenant);

        var (refused, _) = await UseAsync(guessed, $"guess-{Guid.NewGuid():N}@example.com");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not valid", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(tenant));
        var (used, _) = await UseAsync(link.Token, $"real-{Guid.NewGuid():N}@example.com");
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
    }

    [Fact]
    public async Task A_refused_field_keeps_the_link_for_the_next_try()
    {
        var tenant = await server.CreateTenantAsync();
        var link = await IssueAsync(tenant.OrgId);

        var (bad, _) = await UseAsync(link.Token, "not an email");
        var (good, _) = await UseAsync(link.Token, $"fixed-{Guid.NewGuid():N}@example.com");

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
    }

    private async Task<IssuedSetupLink> IssueAsync(Guid orgId)
    {
        var issued = await server.Services.GetRequiredService<IssueSetupLink>()
            .ExecuteAsync(OperatorActor.Cli, orgId, SetupLinkTokens.DefaultLifetime, CancellationToken.None);
        Assert.True(issued.IsSuccess, issued.Error?.Detail);
        return issued.Value;
    }

    /// <summary>Opens the page, posts the form as a browser would, then asks for the console with the cookies it got.</summary>
    private async Task<(HttpResponseMessage Answer, HttpStatusCode Console)> UseAsync(string token, string email)
    {
        using var http = Browser();
        var page = await http.GetStringAsync("setup");
        var answer = await http.SendAsync(Requests.Form("setup", ConsoleSession.FormTokenIn(page),
            ("Token", token), ("Email", email), ("FirstName", "Ada"), ("LastName", "Lovelace"), ("Password", Password), ("Confirmation", Password)));
        await answer.Content.LoadIntoBufferAsync();
        var console = (await http.GetAsync("console")).StatusCode;
        return (answer, console);
    }

    private HttpClient Browser()
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.30");
        return http;
    }

    /// <summary>The users and roles the tenant holds.</summary>
    private async Task<(int Users, int Roles)> CountsAsync(TenantClient tenant)
    {
        var users = JsonNode.Parse(await tenant.Scim.GetStringAsync("Users"))!["totalResults"]!.GetValue<int>();
        var roles = await server.Services.GetRequiredService<Roster.Directory.Roles.ListRoles>().ExecuteAsync(tenant.OrgId, CancellationToken.None);
        return (users, roles.Count);
    }
}
