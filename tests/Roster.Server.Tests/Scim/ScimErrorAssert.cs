using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>Checks that a response is a SCIM error a client can act on, and that a refused write stored nothing.</summary>
internal static class ScimErrorAssert
{
    /// <summary>
    /// A 4xx SCIM error (RFC 7644 section 3.12): the Error schema, the status as a string, a
    /// detail, and for a 400 the <paramref name="scimType"/> (when given) or at least some scimType.
    /// </summary>
    public static async Task<JsonObject> ClientErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? scimType, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{what}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        var error = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error["schemas"]![0]!.GetValue<string>());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error["status"]!.GetValue<string>());
        var detail = error["detail"]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(detail), $"{what}: no detail in {text}");
        if (status == HttpStatusCode.BadRequest)
        {
            var actual = error["scimType"]?.GetValue<string>();
            Assert.True(scimType is null ? actual is not null : actual == scimType, $"{what}: expected scimType {scimType ?? "(any)"}, got {text}");
        }

        return error;
    }

    /// <summary>How many resources of <paramref name="resourceType"/> the tenant has.</summary>
    public static async Task<int> CountAsync(HttpClient scim, string resourceType)
    {
        var list = await (await scim.GetAsync($"{resourceType}?count=0")).ReadObjectAsync();
        return list["totalResults"]!.GetValue<int>();
    }

    /// <summary>The resource's version (ETag), to show that a refused PUT or PATCH changed nothing.</summary>
    public static async Task<string> VersionAsync(HttpClient scim, string location)
    {
        var resource = await (await scim.GetAsync(location)).ReadObjectAsync();
        return resource["meta"]!["version"]!.GetValue<string>();
    }
}
