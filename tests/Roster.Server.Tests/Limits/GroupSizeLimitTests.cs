using System.Net;
using System.Text;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Limits;

/// <summary>
/// A group PUT is bounded by the body limit (1 MiB by default, about 20,000 members): a PUT of
/// 200,000 members is refused before it is read, so it cannot take the node's memory; such
/// groups grow by PATCH, one member row at a time.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class GroupSizeLimitTests(RosterServerFixture server)
{
    [Fact]
    public async Task A_group_PUT_of_200000_members_is_413_and_the_group_keeps_its_members()
    {
        var tenant = await server.CreateTenantAsync();
        var member = await tenant.Scim.CreateUserAsync("member@example.com");
        var group = await tenant.Scim.CreateGroupAsync("Everyone");
        var added = await tenant.Scim.PatchAsync($"Groups/{group.Id()}", $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{member.Id()}}"}]}]}""");
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        var body = new StringBuilder("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Everyone","members":[""");
        for (var i = 0; i < 200_000; i++)
        {
            body.Append(i == 0 ? "" : ",").Append("{\"value\":\"").Append(Guid.NewGuid()).Append("\"}");
        }

        body.Append("]}");

        // Expect: 100-continue, as a client uploading megabytes should send: Roster refuses on the
        // Content-Length alone, so the body is never sent (without it, the refused client sees the
        // connection close while it is still writing).
        using var put = new HttpRequestMessage(HttpMethod.Put, $"Groups/{group.Id()}") { Content = ScimHttp.Json(body.ToString()) };
        put.Headers.ExpectContinue = true;
        var response = await tenant.Scim.SendAsync(put);
        var after = await (await tenant.Scim.GetAsync($"Groups/{group.Id()}")).ReadObjectAsync();

        await ScimRequestLimitTests.AssertScimErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, null, "1,048,576 bytes");
        Assert.Equal(member.Id(), (string?)Assert.Single(after["members"]!.AsArray())!["value"]);
    }
}
