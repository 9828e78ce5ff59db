using System.Net;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

[Collection(ServerCollectionDefinition.Name)]
public sealed class UserLifecycleTests(RosterServerFixture server)
{
    [Fact]
    public async Task Create_answers_201_with_location_etag_and_complete_meta()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync("Users", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen@example.com",
             "name":{"givenName":"Barbara","familyName":"Jensen"},"emails":[{"value":"bjensen@example.com","type":"work","primary":true}],
             "active":true,"externalId":"ext-1","password":"t1meMa$heen"}
            """));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/scim+json", response.MediaType()!.MediaType);
        var user = await response.ReadObjectAsync();
        var meta = user["meta"]!.AsObject();
        Assert.Equal("User", meta["resourceType"]!.GetValue<string>());
        Assert.NotNull(meta["created"]);
        Assert.NotNull(meta["lastModified"]);
        Assert.Equal(response.Headers.Location!.ToString(), meta["location"]!.GetValue<string>());
        Assert.EndsWith($"/scim/v2/{tenant.OrgId}/Users/{user.Id()}", meta["location"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(response.Headers.ETag!.ToString(), meta["version"]!.GetValue<string>());
        Assert.Null(user["password"]);
        Assert.Equal("ext-1", user["externalId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/scim+json")]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/scim+json; charset=UTF-8")]
    public async Task Both_json_media_types_are_accepted(string mediaType)
    {
        var tenant = await server.CreateTenantAsync();
        using var content = new StringContent("""{"userName":"media@example.com"}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);

        var response = await tenant.Scim.PostAsync("Users", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Other_media_type_is_415_scim_error()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync("Users", ScimHttp.Json("""{"userName":"x"}""", "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("415", (await response.ReadObjectAsync())["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"userName\":")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    [InlineData("{\"userName\":\"a\",\"userName\":\"b\"}")]
    public async Task Malformed_body_is_400_invalid_syntax(string body)
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync("Users", ScimHttp.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadObjectAsync();
        Assert.Equal("invalidSyntax", error["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_utf8_is_400_invalid_syntax_not_500()
    {
        var tenant = await server.CreateTenantAsync();
        using var content = new ByteArrayContent([.. "{\"userName\":\""u8, 0xFF, 0xFE, .. "\"}"u8]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/scim+json");

        var response = await tenant.Scim.PostAsync("Users", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalidSyntax", (await response.ReadObjectAsync())["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var tenant = await server.CreateTenantAsync();
        var huge = new string('a', 2 * 1024 * 1024);

        var response = await tenant.Scim.PostAsync("Users", ScimHttp.Json($$"""{"userName":"{{huge}}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("413", (await response.ReadObjectAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Duplicate_userName_in_another_case_is_409_uniqueness()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("Case.Test@Example.com");

        var response = await tenant.Scim.PostAsync("Users", ScimHttp.Json("""{"userName":"case.test@example.COM"}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await response.ReadObjectAsync();
        Assert.Equal("409", error["status"]!.GetValue<string>());
        Assert.Equal("uniqueness", error["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_userName_is_400_invalid_value()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync("Users", ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"displayName":"No Name"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("userName", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Unknown_id_is_404_scim_error_on_every_verb(string method)
    {
        var tenant = await server.CreateTenantAsync();
        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-a-guid", "12345" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), $"Users/{id}");
            if (method is "PUT")
            {
                request.Content = ScimHttp.Json("""{"userName":"ghost@example.com"}""");
            }
            else if (method is "PATCH")
            {
                request.Content = ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
            }

            var response = await tenant.Scim.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("404", (await response.ReadObjectAsync())["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Delete_is_204_then_404()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("gone@example.com");

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Scim.DeleteAsync($"Users/{user.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Scim.GetAsync($"Users/{user.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Scim.DeleteAsync($"Users/{user.Id()}")).StatusCode);
    }

    [Fact]
    public async Task Put_replaces_and_keeps_id_and_created()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("put@example.com", "\"title\":\"Engineer\",\"displayName\":\"Old\"");

        var response = await tenant.Scim.PutAsync($"Users/{user.Id()}", ScimHttp.Json(
            $$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{{user.Id()}}}","userName":"put@example.com","displayName":"New","meta":{"created":"1999-01-01T00:00:00Z"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replaced = await response.ReadObjectAsync();
        Assert.Equal("New", replaced["displayName"]!.GetValue<string>());
        Assert.Null(replaced["title"]);
        Assert.Equal(user["meta"]!["created"]!.GetValue<string>(), replaced["meta"]!["created"]!.GetValue<string>());
        Assert.NotEqual(user["meta"]!["version"]!.GetValue<string>(), replaced["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task If_match_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("etag@example.com");
        var etag = user["meta"]!["version"]!.GetValue<string>();
        await tenant.Scim.PatchAsync($"Users/{user.Id()}", """{"Operations":[{"op":"replace","path":"displayName","value":"One"}]}""");

        using var stale = new HttpRequestMessage(HttpMethod.Patch, $"Users/{user.Id()}")
        {
            Content = ScimHttp.Json("""{"Operations":[{"op":"replace","path":"displayName","value":"Two"}]}"""),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await tenant.Scim.SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var current = await (await tenant.Scim.GetAsync($"Users/{user.Id()}")).ReadObjectAsync();
        Assert.Equal("One", current["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task If_match_with_the_current_etag_succeeds()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("etag-ok@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"Users/{user.Id()}")
        {
            Content = ScimHttp.Json("""{"Operations":[{"op":"replace","path":"displayName","value":"Fresh"}]}"""),
        };
        request.Headers.TryAddWithoutValidation("If-Match", user["meta"]!["version"]!.GetValue<string>());

        var response = await tenant.Scim.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_is_304()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("cache@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"Users/{user.Id()}");
        request.Headers.TryAddWithoutValidation("If-None-Match", user["meta"]!["version"]!.GetValue<string>());

        var response = await tenant.Scim.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Deactivated_user_stays_readable_and_filterable()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("inactive@example.com");
        await tenant.Scim.PatchAsync($"Users/{user.Id()}", """{"Operations":[{"op":"replace","path":"active","value":false}]}""");

        var read = await (await tenant.Scim.GetAsync($"Users/{user.Id()}")).ReadObjectAsync();
        var list = await (await tenant.Scim.GetAsync("Users?filter=" + Uri.EscapeDataString("active eq false"))).ReadObjectAsync();

        Assert.False(read["active"]!.GetValue<bool>());
        Assert.Equal(1, list["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task ExternalId_is_filterable_and_not_unique()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("ext-a@example.com", "\"externalId\":\"shared\"");
        await tenant.Scim.CreateUserAsync("ext-b@example.com", "\"externalId\":\"shared\"");

        var list = await (await tenant.Scim.GetAsync("Users?filter=" + Uri.EscapeDataString("externalId eq \"shared\""))).ReadObjectAsync();

        Assert.Equal(2, list["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Password_is_never_returned_even_when_asked()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("secret@example.com", "\"password\":\"hunter2hunter2\"");

        var read = await (await tenant.Scim.GetAsync($"Users/{user.Id()}?attributes=password,userName")).ReadObjectAsync();

        Assert.Null(read["password"]);
        Assert.Equal("secret@example.com", read["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Attributes_and_excluded_attributes_project_the_response()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("proj@example.com", "\"displayName\":\"Proj\",\"name\":{\"givenName\":\"P\",\"familyName\":\"Q\"}");

        var only = await (await tenant.Scim.GetAsync($"Users/{user.Id()}?attributes=name.givenName")).ReadObjectAsync();
        var without = await (await tenant.Scim.GetAsync($"Users/{user.Id()}?excludedAttributes=name")).ReadObjectAsync();

        Assert.Equal(user.Id(), only["id"]!.GetValue<string>());
        Assert.Equal("P", only["name"]!["givenName"]!.GetValue<string>());
        Assert.Null(only["name"]!["familyName"]);
        Assert.Null(only["displayName"]);
        Assert.Null(without["name"]);
        Assert.Equal("Proj", without["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Null_in_a_post_body_means_absent_and_readonly_fields_are_ignored()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync("Users", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:example:misspelled:Schema"],"id":"client-chosen","userName":"nulls@example.com",
             "displayName":null,"title":null,"meta":{"created":"2000-01-01T00:00:00Z"},"groups":[{"value":"x"}]}
            """));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.ReadObjectAsync();
        Assert.NotEqual("client-chosen", user.Id());
        Assert.Null(user["displayName"]);
        Assert.NotEqual("2000-01-01T00:00:00Z", user["meta"]!["created"]!.GetValue<string>());
    }

    [Fact]
    public async Task String_booleans_are_coerced_and_returned_as_json_booleans()
    {
        var tenant = await server.CreateTenantAsync();

        var user = await tenant.Scim.CreateUserAsync("boolstr@example.com", "\"active\":\"True\"");
        var patched = await (await tenant.Scim.PatchAsync($"Users/{user.Id()}", """{"Operations":[{"op":"Replace","path":"active","value":"False"}]}""")).ReadObjectAsync();

        Assert.Equal(JsonValueKind(true), user["active"]!.GetValueKind());
        Assert.False(patched["active"]!.GetValue<bool>());
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(bool value) =>
        value ? System.Text.Json.JsonValueKind.True : System.Text.Json.JsonValueKind.False;
}
