using System.Net;
using Roster.Directory.Roles;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Isolation;

namespace Roster.Server.Tests.SignIn;

/// <summary>
/// A console session lives on the server: signing out, a lock or a deactivation deletes it, so
/// a copy of the cookie (kept by an attacker, a shared computer, a proxy's log) stops working
/// for good, even when the profile comes back.
/// </summary>
[Collection(SignInCollectionDefinition.Name)]
public sealed class ConsoleSessionTests(SignInServerFixture server)
{
    [Fact]
    public async Task A_copy_of_the_cookie_stops_working_once_the_session_signs_out()
    {
        var (_, email, _) = await PersonAsync();
        var session = await ConsoleSession.SignInAsync(server.BaseAddress, "session", email, SignInPeople.Password);
        var before = await OpenConsoleAsync(session);

        using var signOut = await SendAsync(Requests.Form("console/sign-out", session.FormToken), session);
        var after = await OpenConsoleAsync(session);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after);
        Assert.Equal(HttpStatusCode.OK, await OpenConsoleAsync(await ConsoleSession.SignInAsync(server.BaseAddress, "again", email, SignInPeople.Password)));
    }

    [Fact]
    public async Task A_session_ended_by_deactivation_stays_ended_when_the_profile_is_reactivated()
    {
        var (tenant, email, id) = await PersonAsync();
        var session = await ConsoleSession.SignInAsync(server.BaseAddress, "session", email, SignInPeople.Password);

        await SetActiveAsync(tenant.Scim, id, false);
        await SetActiveAsync(tenant.Scim, id, true);

        Assert.Equal(HttpStatusCode.Redirect, await OpenConsoleAsync(session));
    }

    [Fact]
    public async Task A_session_ended_by_a_lock_stays_ended_after_the_unlock()
    {
        var (tenant, email, id) = await PersonAsync();
        var org = tenant.OrgId;
        var admin = $"admin-{Guid.NewGuid():N}@example.com";
        await SignInPeople.ActiveAsync(server, org, admin, [.. Permission.All.Select(p => p.Key)]);
        var session = await ConsoleSession.SignInAsync(server.BaseAddress, "session", email, SignInPeople.Password);

        await SignInPeople.LockAsync(server, org, email);
        using var http = server.CreateClient(null, $"api/v1/orgs/{org}/");
        http.DefaultRequestHeaders.Authorization = SignInPeople.Basic(admin, SignInPeople.Password);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.10");
        Assert.Equal(HttpStatusCode.OK, (await Admin.AdminHttp.PostNoBodyAsync(http, $"employees/{id}/unlock")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await OpenConsoleAsync(session));
    }

    private async Task<(TenantClient Tenant, string Email, Guid Id)> PersonAsync()
    {
        var tenant = await server.CreateTenantAsync();
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        return (tenant, email, await SignInPeople.ActiveAsync(server, tenant.OrgId, email, "audit.view"));
    }

    private static async Task SetActiveAsync(HttpClient scim, Guid id, bool active)
    {
        var response = await scim.PatchAsync($"Users/{id}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":{{(active ? "true" : "false")}}}]}""");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpStatusCode> OpenConsoleAsync(Credential session)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "console"), session);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Credential session)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using (request)
        {
            session.Apply(request);
            var response = await http.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }
}
