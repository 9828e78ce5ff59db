using System.Net;
using System.Net.Http.Json;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Isolation;

namespace Roster.Server.Tests.Operators;

/// <summary>
/// A vendor onboards a customer end to end over HTTP: the operator API creates the tenant and
/// issues its setup link; the customer follows the link, becomes the first administrator, and
/// signs in to the console and the admin API. The link's lifetime is bounded, and no second link
/// is issued once the tenant has its administrator.
/// </summary>
public sealed class OperatorOnboardingTests(RosterServerFixture server) : IClassFixture<RosterServerFixture>
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task A_tenant_created_by_the_operator_API_gets_its_first_administrator_through_the_setup_link()
    {
        var key = await OperatorHttp.CreateKeyAsync(server, "vendor-onboarding");
        using var vendor = OperatorHttp.Client(server, "Bearer " + key.Secret);
        var created = await (await vendor.PostAsJsonAsync("tenants", new { name = "Customer Ltd" })).ReadObjectAsync();
        var orgId = Guid.Parse((string)created["orgId"]!);

        foreach (var hours in new[] { 0, -1, 721 })
        {
            var refused = await vendor.PostAsJsonAsync($"tenants/{orgId}/setup-links", new { validForHours = hours });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        var issued = await vendor.PostNoBodyAsync($"tenants/{orgId}/setup-links");
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        Assert.Equal("no-store", issued.Headers.CacheControl?.ToString());
        var link = await issued.ReadObjectAsync();
        var setupLink = new Uri((string)link["setupLink"]!);
        Assert.Equal("/setup", setupLink.AbsolutePath);
        Assert.Equal(server.BaseAddress.Port, setupLink.Port);
        var expires = DateTimeOffset.Parse((string)link["expires"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24.1));

        // The browser's page script moves the fragment's token into the form; here the test does.
        var token = Uri.UnescapeDataString(setupLink.Fragment["#token=".Length..]);
        var email = $"owner-{Guid.NewGuid():N}@customer.example";
        var cookies = new CookieContainer();
        using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = server.BaseAddress })
        {
            var page = await browser.GetStringAsync("setup");
            var used = await browser.SendAsync(Requests.Form("setup", ConsoleSession.FormTokenIn(page),
                ("Token", token), ("Email", email), ("FirstName", "Grace"), ("LastName", "Hopper"), ("Password", Password), ("Confirmation", Password)));
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
            Assert.Equal("/console", used.Headers.Location?.OriginalString);
        }

        // Signed in afresh, as on any later day: the console and the admin API.
        var console = await ConsoleSession.SignInAsync(server.BaseAddress, "first administrator", email, Password);
        Assert.NotNull(console.Cookie);
        using var admin = server.CreateClient(null, $"api/v1/orgs/{orgId}/");
        admin.DefaultRequestHeaders.Authorization = AdminSessions.Basic(email, Password);
        var roles = await admin.GetAsync("roles");
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        Assert.Contains("\"Administrator\"", await roles.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var again = await vendor.PostNoBodyAsync($"tenants/{orgId}/setup-links");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already has an administrator", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
