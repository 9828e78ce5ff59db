using System.Net.Http.Headers;
using System.Text;

namespace Roster.Console.Tests.Infrastructure;

/// <summary>What an identity provider sends: SCIM requests over HTTP with the tenant's bearer token.</summary>
public static class ScimCalls
{
    /// <summary>Creates a user the way Okta does (its User-Agent names it), and returns the response body.</summary>
    public static async Task<string> CreateUserAsOktaAsync(ConsoleServerFixture server, ConsoleTenant tenant, string userName)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(tenant);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ScimToken);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Okta-SCIM-Client/1.0");
        var body = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}",
             "name":{"givenName":"Pat","familyName":"Provisioned"},"emails":[{"value":"{{userName}}","primary":true,"type":"work"}],"active":true}
            """;
        using var content = new StringContent(body, Encoding.UTF8, "application/scim+json");
        using var response = await http.PostAsync(new Uri($"scim/v2/{tenant.OrgId}/Users", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"SCIM create failed: {(int)response.StatusCode} {text}");
        return text;
    }
}
