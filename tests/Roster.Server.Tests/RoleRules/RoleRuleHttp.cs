using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Roles;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.RoleRules;

/// <summary>The admin API and SCIM calls the role rule tests repeat.</summary>
public static class RoleRuleHttp
{
    public static readonly string[] Everything = [.. Permission.All.Select(p => p.Key)];

    public static async Task<string> CreateRoleAsync(this AdminSession admin, string name, params string[] permissions)
    {
        var response = await admin.Http.PostAsJsonAsync("roles", new { name, permissions });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadObjectAsync()).Id();
    }

    public static async Task<JsonObject> CreateRuleAsync(this AdminSession admin, string match, string value, string roleId, int priority = 100)
    {
        var response = await admin.Http.PostAsJsonAsync("role-rules", new { match, value, roleId, priority });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    /// <summary>The names of the roles the person holds (GET /employees/{id}/roles), primary first.</summary>
    public static async Task<List<string>> HeldAsync(this AdminSession admin, string userId) =>
        [.. (await admin.ExplainAsync(userId))["roles"]!.AsArray().Select(r => (string)r!["name"]!)];

    public static async Task<JsonObject> ExplainAsync(this AdminSession admin, string userId)
    {
        var response = await admin.Http.GetAsync($"employees/{userId}/roles");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    /// <summary>The reasons for one held role.</summary>
    public static async Task<JsonArray> SourcesAsync(this AdminSession admin, string userId, string role) =>
        (await admin.ExplainAsync(userId))["roles"]!.AsArray().Single(r => (string)r!["name"]! == role)!["sources"]!.AsArray();

    public static Task<HttpResponseMessage> AddMemberAsync(this HttpClient scim, string groupId, string memberId) =>
        scim.PatchAsync($"Groups/{groupId}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{memberId}}"}]}]}""");

    public static Task<HttpResponseMessage> RemoveMemberAsync(this HttpClient scim, string groupId, string memberId) =>
        scim.PatchAsync($"Groups/{groupId}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{{memberId}}\"]"}]}""");

    public static Task<HttpResponseMessage> RenameGroupAsync(this HttpClient scim, string groupId, string displayName) =>
        scim.PatchAsync($"Groups/{groupId}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"{{displayName}}"}]}""");
}
