using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Roster.Console.Tests.Infrastructure;

/// <summary>What an identity provider sends: SCIM requests over HTTP with the tenant's bearer token, as Okta (its User-Agent names it).</summary>
public static class ScimCalls
{
    /// <summary>Creates a user and returns the new user's id.</summary>
    public static async Task<string> CreateUserAsOktaAsync(ConsoleServerFixture server, ConsoleTenant tenant, string userName, string givenName = "Pat", string familyName = "Provisioned")
    {
        using var http = Okta(server, tenant);
        var body = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}",
             "name":{"givenName":"{{givenName}}","familyName":"{{familyName}}"},"emails":[{"value":"{{userName}}","primary":true,"type":"work"}],"active":true}
            """;
        using var content = new StringContent(body, Encoding.UTF8, "application/scim+json");
        using var response = await http.PostAsync(new Uri($"scim/v2/{tenant.OrgId}/Users", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"SCIM create failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>Okta's deactivation: a PATCH that replaces <c>active</c> with false.</summary>
    public static async Task DeactivateUserAsOktaAsync(ConsoleServerFixture server, ConsoleTenant tenant, string id)
    {
        using var http = Okta(server, tenant);
        const string body = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}
            """;
        using var content = new StringContent(body, Encoding.UTF8, "application/scim+json");
        using var response = await http.PatchAsync(new Uri($"scim/v2/{tenant.OrgId}/Users/{id}", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, $"SCIM patch failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A request Roster refuses (a filter with an unknown operator); returns the status.</summary>
    public static async Task<int> SendRefusedFilterAsOktaAsync(ConsoleServerFixture server, ConsoleTenant tenant)
    {
        using var http = Okta(server, tenant);
        using var response = await http.GetAsync(new Uri($"scim/v2/{tenant.OrgId}/Users?filter=" + Uri.EscapeDataString("userName zz \"pat\""), UriKind.Relative));
        return (int)response.StatusCode;
    }

    /// <summary>Sends <paramref name="body"/> to <c>/scim/v2/{orgId}/{path}</c> with <paramref name="bearer"/>, as Okta; the answer's <c>id</c>, or null for an answer without a body.</summary>
    public static async Task<string?> SendAsOktaAsync(ConsoleServerFixture server, Guid orgId, string bearer, HttpMethod method, string path, string body)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Okta-SCIM-Client/1.0");
        using var request = new HttpRequestMessage(method, new Uri($"scim/v2/{orgId}/{path}", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/scim+json") };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"SCIM {method} {path} failed: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text)!["id"]?.GetValue<string>();
    }

    private static HttpClient Okta(ConsoleServerFixture server, ConsoleTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(tenant);
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ScimToken);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Okta-SCIM-Client/1.0");
        return http;
    }
}
