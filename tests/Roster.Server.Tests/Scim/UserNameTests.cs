using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// userName is unique in a tenant as people see it: stored in Unicode NFC, compared with
/// fullwidth and halfwidth forms mapped to the ordinary ones (PRECIS' width mapping), and
/// without controls or invisible characters, so two names that look the same cannot both
/// exist; filters on userName find the user whichever form they are written in.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class UserNameTests(RosterServerFixture server)
{
    public static TheoryData<string> Invisible => new()
    {
        "ada\u200B{tag}",
        "ada\u200D{tag}",
        "ada\uFEFF{tag}",
        "ada\u202E{tag}",
        "ada\u2066{tag}",
        "ada\u00AD{tag}",
        "ada\u00A0{tag}",
        "ada\u3000{tag}",
        "ada\u3164{tag}",
        "ada\u0007{tag}",
        "ada\uFE0F{tag}",
        " ada{tag}",
        "ada{tag} ",
    };

    [Fact]
    public async Task A_decomposed_userName_is_stored_composed_and_both_forms_are_one_name()
    {
        var tenant = await server.CreateTenantAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var decomposed = $"cafe\u0301-{tag}";
        var composed = $"caf\u00E9-{tag}";

        var created = await tenant.Scim.PostAsync("Users", User(decomposed));
        var twin = await tenant.Scim.PostAsync("Users", User(composed));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(composed, (string?)(await created.ReadObjectAsync())["userName"]);
        await ScimErrorAssert.ClientErrorAsync(twin, HttpStatusCode.Conflict, "uniqueness", composed);
    }

    [Fact]
    public async Task A_fullwidth_twin_of_a_userName_cannot_be_created()
    {
        var tenant = await server.CreateTenantAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(HttpStatusCode.Created, (await tenant.Scim.PostAsync("Users", User($"ada-{tag}"))).StatusCode);
        var twin = await tenant.Scim.PostAsync("Users", User($"\uFF41\uFF44\uFF41-{tag}"));

        await ScimErrorAssert.ClientErrorAsync(twin, HttpStatusCode.Conflict, "uniqueness", "fullwidth twin");
        Assert.Equal(1, await ScimErrorAssert.CountAsync(tenant.Scim, "Users"));
    }

    [Theory]
    [MemberData(nameof(Invisible))]
    public async Task A_userName_with_an_invisible_or_control_character_is_refused_and_nothing_is_stored(string pattern)
    {
        var tenant = await server.CreateTenantAsync();
        var value = pattern.Replace("{tag}", Guid.NewGuid().ToString("N")[..8], StringComparison.Ordinal);
        var user = await tenant.Scim.CreateUserAsync($"plain-{Guid.NewGuid():N}");

        var created = await tenant.Scim.PostAsync("Users", User(value));
        var renamed = await tenant.Scim.PatchAsync($"Users/{user.Id()}",
            new JsonObject
            {
                ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                ["Operations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "userName", ["value"] = value }),
            }.ToJsonString());

        foreach (var response in new[] { created, renamed })
        {
            var error = await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue", value);
            Assert.Contains(value, (string?)error["detail"], StringComparison.Ordinal);
        }

        Assert.Equal(1, await ScimErrorAssert.CountAsync(tenant.Scim, "Users"));
    }

    [Fact]
    public async Task A_filter_on_userName_finds_the_user_whichever_form_it_is_written_in()
    {
        var tenant = await server.CreateTenantAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var cafe = (await tenant.Scim.CreateUserAsync($"caf\u00E9-{tag}")).Id();
        var ada = (await tenant.Scim.CreateUserAsync($"ada-{tag}")).Id();

        Assert.Equal([cafe], await FindAsync(tenant.Scim, $"userName eq \"cafe\u0301-{tag}\""));
        Assert.Equal([cafe], await FindAsync(tenant.Scim, $"userName eq \"CAF\u00C9-{tag}\""));
        Assert.Equal([ada], await FindAsync(tenant.Scim, $"userName eq \"\uFF41\uFF44\uFF41-{tag}\""));
        Assert.Equal([ada], await FindAsync(tenant.Scim, $"userName sw \"\uFF21da-\""));
    }

    private static StringContent User(string userName) =>
        ScimHttp.Json(new JsonObject { ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"), ["userName"] = userName });

    private static async Task<string[]> FindAsync(HttpClient scim, string filter)
    {
        var page = await (await scim.GetAsync("Users?filter=" + Uri.EscapeDataString(filter))).ReadObjectAsync();
        return [.. page["Resources"]!.AsArray().Select(r => (string)r!["id"]!)];
    }
}
