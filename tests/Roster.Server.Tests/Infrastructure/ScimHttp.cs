using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Roster.Server.Tests.Infrastructure;

/// <summary>Small conveniences for SCIM calls in tests.</summary>
public static class ScimHttp
{
    public static StringContent Json(string json, string mediaType = "application/scim+json") =>
        new(json, Encoding.UTF8, mediaType);

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)!.AsObject();
    }

    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string uri, string json) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, uri) { Content = Json(json) });

    public static async Task<JsonObject> CreateUserAsync(this HttpClient client, string userName, string? extra = null)
    {
        var body = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}"{{(extra is null ? "" : "," + extra)}}}""";
        var response = await client.PostAsync("Users", Json(body));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return await response.ReadObjectAsync();
    }

    public static async Task<JsonObject> CreateGroupAsync(this HttpClient client, string displayName)
    {
        var body = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"{{displayName}}"}""";
        var response = await client.PostAsync("Groups", Json(body));
        response.EnsureSuccessStatusCode();
        return await response.ReadObjectAsync();
    }

    public static string Id(this JsonObject resource) => resource["id"]!.GetValue<string>();

    public static MediaTypeHeaderValue? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}
