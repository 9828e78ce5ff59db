using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Roster.Server.Tests.OAuth;

/// <summary>Token requests as IdPs send them.</summary>
public static class OAuthHttp
{
    /// <summary>client_credentials with client_secret_post, as Okta and Entra send it.</summary>
    public static Task<HttpResponseMessage> ClientCredentialsPostAsync(this HttpClient http, string clientId, string clientSecret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return http.PostAsync("auth/token", new FormUrlEncodedContent(form));
    }

    /// <summary>client_credentials with HTTP Basic client authentication (RFC 6749 §2.3.1).</summary>
    public static async Task<HttpResponseMessage> ClientCredentialsBasicAsync(this HttpClient http, string clientId, string clientSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);

        // Awaited here: the request is disposed when this method returns.
        return await http.SendAsync(request);
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
