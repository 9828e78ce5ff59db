using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Roster.Console.Tests.Infrastructure;

/// <summary>What an identity provider does with the credentials an administrator copied from the console.</summary>
public static class CredentialCalls
{
    /// <summary>Client credentials with client_secret_post at <c>/auth/token</c>, as Okta and Entra send them; the access token.</summary>
    public static async Task<string> AccessTokenAsync(ConsoleServerFixture server, string clientId, string clientSecret)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        using var response = await http.PostAsync(new Uri("auth/token", UriKind.Relative), form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The token request failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["access_token"]!.GetValue<string>();
    }

    /// <summary>The authorization code exchange (client_secret_post) an IdP makes after the browser came back with a code; the access token.</summary>
    public static async Task<string> ExchangeCodeAsync(ConsoleServerFixture server, string code, string redirectUri, string clientId, string? clientSecret, string? codeVerifier = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId,
        };
        if (clientSecret is not null)
        {
            fields["client_secret"] = clientSecret;
        }

        if (codeVerifier is not null)
        {
            fields["code_verifier"] = codeVerifier;
        }

        using var form = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(new Uri("auth/token", UriKind.Relative), form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The code exchange failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["access_token"]!.GetValue<string>();
    }

    /// <summary>The status of <c>GET /scim/v2/{orgId}/Users</c> with <paramref name="bearer"/>.</summary>
    public static async Task<HttpStatusCode> ListUsersAsync(ConsoleServerFixture server, Guid orgId, string bearer)
    {
        using var http = Scim(server, bearer);
        using var response = await http.GetAsync(new Uri($"scim/v2/{orgId}/Users", UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>The status of a user create (<c>POST /scim/v2/{orgId}/Users</c>) with <paramref name="bearer"/>.</summary>
    public static async Task<HttpStatusCode> CreateUserAsync(ConsoleServerFixture server, Guid orgId, string bearer, string userName, string userAgent = "Okta-SCIM-Client/1.0")
    {
        using var http = Scim(server, bearer, userAgent);
        var body = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}",
             "name":{"givenName":"Pat","familyName":"Provisioned"},"emails":[{"value":"{{userName}}","primary":true,"type":"work"}],"active":true}
            """;
        using var content = new StringContent(body, Encoding.UTF8, "application/scim+json");
        using var response = await http.PostAsync(new Uri($"scim/v2/{orgId}/Users", UriKind.Relative), content);
        return response.StatusCode;
    }

    private static HttpClient Scim(ConsoleServerFixture server, string bearer, string userAgent = "Okta-SCIM-Client/1.0")
    {
        ArgumentNullException.ThrowIfNull(server);
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return http;
    }
}
