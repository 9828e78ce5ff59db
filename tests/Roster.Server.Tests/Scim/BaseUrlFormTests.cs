using System.Net;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// The base URLs identity providers' guides give, besides Roster's own <c>/scim/v2/{orgId}</c>:
/// CXone's <c>/oauth/scim/v2</c> for a bearer token (with and without the org ID) and Webex's
/// <c>/v1/scim/{orgId}</c>. Each serves the whole API, and the URLs in the answers use the form
/// the client called, so an IdP that compares <c>meta.location</c> with its base URL finds it.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class BaseUrlFormTests(RosterServerFixture server)
{
    public static TheoryData<string, bool> Forms() => new()
    {
        { "oauth/scim/v2/{org}", true },
        { "oauth/scim/v2", false },
        { "v1/scim/{org}", true },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Every_endpoint_answers_on_the_form_and_locations_use_it(string form, bool carriesOrg)
    {
        var tenant = await server.CreateTenantAsync();
        var basePath = form.Replace("{org}", tenant.OrgId.ToString(), StringComparison.Ordinal);
        using var scim = server.CreateClient(tenant.Token, basePath + "/");
        var expectedBase = new Uri(server.BaseAddress, basePath).ToString().TrimEnd('/');

        var config = await scim.GetAsync("ServiceProviderConfig");
        var schemas = await scim.GetAsync("Schemas");
        var types = await (await scim.GetAsync("ResourceTypes")).ReadObjectAsync();
        var user = await scim.CreateUserAsync($"form-{Guid.NewGuid():N}@example.com");
        var read = await scim.GetAsync($"Users/{user.Id()}");
        var patched = await scim.PatchAsync($"Users/{user.Id()}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Agent"}]}""");
        var group = await scim.CreateGroupAsync($"Form group {Guid.NewGuid():N}");
        var search = await (await scim.PostAsync("Users/.search", ScimHttp.Json($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"id eq \"{{user.Id()}}\""}"""))).ReadObjectAsync();
        var rootSearch = await scim.PostAsync(".search", ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"title eq \"Agent\""}"""));
        var bulk = await BulkTests.PostBulkAsync(scim, BulkTests.CreateUser("b", $"bulk-form-{Guid.NewGuid():N}@example.com"));
        var me = await scim.GetAsync("Me");
        var deleted = await scim.DeleteAsync($"Groups/{group.Id()}");

        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        Assert.Equal(HttpStatusCode.OK, schemas.StatusCode);
        Assert.Equal(2, (int)types["totalResults"]!);
        Assert.Equal($"{expectedBase}/Users/{user.Id()}", (string?)user["meta"]!["location"]);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal($"{expectedBase}/Groups/{group.Id()}", (string?)group["meta"]!["location"]);
        Assert.Equal(1, (int)search["totalResults"]!);
        Assert.Equal(HttpStatusCode.OK, rootSearch.StatusCode);
        var operation = (await bulk.ReadObjectAsync())["Operations"]![0]!;
        Assert.Equal("201", (string?)operation["status"]);
        Assert.StartsWith($"{expectedBase}/Users/", (string?)operation["location"], StringComparison.Ordinal);
        await ScimErrorAssert.ClientErrorAsync(me, HttpStatusCode.Forbidden, null, "/Me with a SCIM token");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(carriesOrg, expectedBase.EndsWith(tenant.OrgId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_tenants_token_is_refused_on_the_forms_that_carry_the_org_ID_and_unknown_paths_are_SCIM_404s()
    {
        var a = await server.CreateTenantAsync();
        var b = await server.CreateTenantAsync();
        using var withB = server.CreateClient(b.Token);

        var oauth = await withB.GetAsync($"oauth/scim/v2/{a.OrgId}/Users");
        var webex = await withB.GetAsync($"v1/scim/{a.OrgId}/Users");
        var webexWithoutOrg = await withB.GetAsync("v1/scim/Users");
        var own = await withB.GetAsync("oauth/scim/v2/Users?count=0");

        await ScimErrorAssert.ClientErrorAsync(oauth, HttpStatusCode.Unauthorized, null, "B's token on A's /oauth/scim/v2 URL");
        await ScimErrorAssert.ClientErrorAsync(webex, HttpStatusCode.Unauthorized, null, "B's token on A's /v1/scim URL");
        var notFound = await ScimErrorAssert.ClientErrorAsync(webexWithoutOrg, HttpStatusCode.NotFound, null, "/v1/scim without the org ID");
        Assert.Contains("/v1/scim/{orgId}", (string?)notFound["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
