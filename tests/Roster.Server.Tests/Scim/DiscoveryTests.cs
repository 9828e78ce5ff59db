using System.Net;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

[Collection(ServerCollectionDefinition.Name)]
public sealed class DiscoveryTests(RosterServerFixture server)
{
    [Fact]
    public async Task Service_provider_config_advertises_what_roster_does()
    {
        var tenant = await server.CreateTenantAsync();

        var config = await (await tenant.Scim.GetAsync("ServiceProviderConfig")).ReadObjectAsync();

        Assert.True(config["patch"]!["supported"]!.GetValue<bool>());
        Assert.True(config["filter"]!["supported"]!.GetValue<bool>());
        Assert.True(config["filter"]!["maxResults"]!.GetValue<int>() > 0);
        Assert.True(config["sort"]!["supported"]!.GetValue<bool>());
        Assert.True(config["etag"]!["supported"]!.GetValue<bool>());
        Assert.True(config["bulk"]!["supported"]!.GetValue<bool>());
        Assert.NotEmpty(config["authenticationSchemes"]!.AsArray());
    }

    [Fact]
    public async Task Schemas_lists_user_group_and_enterprise_and_serves_each()
    {
        var tenant = await server.CreateTenantAsync();

        var list = await (await tenant.Scim.GetAsync("Schemas")).ReadObjectAsync();
        var user = await tenant.Scim.GetAsync("Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
        var unknown = await tenant.Scim.GetAsync("Schemas/urn:example:nope");

        var ids = list["Resources"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:User", ids);
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:Group", ids);
        Assert.Contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", ids);
        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        var userName = (await user.ReadObjectAsync())["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "userName")!;
        Assert.Equal("server", userName["uniqueness"]!.GetValue<string>());
        Assert.False(userName["caseExact"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Resource_types_list_users_and_groups()
    {
        var tenant = await server.CreateTenantAsync();

        var list = await (await tenant.Scim.GetAsync("ResourceTypes")).ReadObjectAsync();
        var user = await (await tenant.Scim.GetAsync("ResourceTypes/User")).ReadObjectAsync();

        Assert.Equal(2, list["totalResults"]!.GetValue<int>());
        Assert.Equal("/Users", user["endpoint"]!.GetValue<string>());
        Assert.Equal("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", user["schemaExtensions"]![0]!["schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_scim_path_is_404_scim_error()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.GetAsync("Widgets");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", (await response.ReadObjectAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrong_method_is_405_scim_error()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.DeleteAsync("Users");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("405", (await response.ReadObjectAsync())["status"]!.GetValue<string>());
    }
}
