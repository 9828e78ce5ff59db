using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Limits;

/// <summary>The admin API meets the same body limit as the SCIM API, answered as a ProblemDetails; nothing is stored.</summary>
public sealed class AdminRequestLimitTests(LimitedServerFixture server) : IClassFixture<LimitedServerFixture>
{
    [Fact]
    public async Task A_body_over_the_limit_is_413_ProblemDetails_naming_the_limit_and_no_role_is_made()
    {
        var admin = await server.CreateAdminAsync("roles.manage");
        var name = "Big " + new string('r', LimitedServerFixture.MaxBodyBytes);

        var response = await admin.Http.PostAsync("roles", ScimHttp.Json($$"""{"name":"{{name}}","permissions":[]}""", "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "65,536 bytes");
        Assert.DoesNotContain("Big ", await admin.Http.GetStringAsync("roles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_ProblemDetails_and_no_role_is_made()
    {
        var admin = await server.CreateAdminAsync("roles.manage");
        var name = "Chunked " + new string('r', 2 * LimitedServerFixture.MaxBodyBytes);

        var response = await admin.Http.PostAsync("roles", new UnsizedContent($$"""{"name":"{{name}}","permissions":[]}""", "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "65,536 bytes");
        Assert.DoesNotContain("Chunked ", await admin.Http.GetStringAsync("roles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deeply_nested_JSON_is_400_ProblemDetails_not_500_and_no_role_is_made()
    {
        var admin = await server.CreateAdminAsync("roles.manage");
        var nested = new string('[', 100) + new string(']', 100);

        var response = await admin.Http.PostAsync("roles", ScimHttp.Json($$"""{"name":"Deep","permissions":{{nested}}}""", "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "");
        Assert.DoesNotContain("Deep", await admin.Http.GetStringAsync("roles"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auth/token")]
    [InlineData("console/sign-in")]
    public async Task A_form_over_the_body_limit_is_refused_as_too_large_not_a_500(string path)
    {
        using var http = server.CreateClient(null);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["Email"] = "someone@example.com",
            ["padding"] = new string('f', 2 * LimitedServerFixture.MaxBodyBytes),
        });

        var response = await http.PostAsync(path, form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.Contains(detailPart, (string?)problem["detail"] ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }
}
