using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// An organization's own schema extension, defined through the admin API, as a SCIM client sees
/// it: listed in <c>/Schemas</c> and <c>/ResourceTypes</c> (for that organization only), its
/// attributes validated on every write with the errors core attributes get, reachable by PATCH
/// paths with the URN, projected, and filtered and sorted in the database.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class SchemaExtensionTests(RosterServerFixture server)
{
    private const string Urn = "urn:example:roster:schemas:extension:acme:2.0:User";
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Fact]
    public async Task A_defined_extension_is_served_in_schemas_and_resource_types_of_its_organization_only()
    {
        var admin = await server.CreateAdminAsync("scim.manage");
        var other = await server.CreateAdminAsync("scim.manage");
        var created = await DefineAsync(admin);

        var schema = await (await admin.Tenant.Scim.GetAsync($"Schemas/{Urn}")).ReadObjectAsync();
        var listed = await (await admin.Tenant.Scim.GetAsync("Schemas")).ReadObjectAsync();
        var userType = await (await admin.Tenant.Scim.GetAsync("ResourceTypes/User")).ReadObjectAsync();

        Assert.Equal(Urn, schema["id"]!.GetValue<string>());
        var costCode = Attribute(schema, "costCode");
        Assert.Equal("string", costCode["type"]!.GetValue<string>());
        Assert.Equal("server", costCode["uniqueness"]!.GetValue<string>());
        Assert.Equal("readOnly", Attribute(schema, "badge")["mutability"]!.GetValue<string>());
        Assert.Equal("request", Attribute(schema, "note")["returned"]!.GetValue<string>());
        Assert.Equal(["gold", "silver"], Attribute(schema, "tier")["canonicalValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("integer", Attribute(schema, "clearance")["subAttributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "level")!["type"]!.GetValue<string>());
        Assert.Contains(listed["Resources"]!.AsArray(), s => s!["id"]!.GetValue<string>() == Urn);
        var extension = userType["schemaExtensions"]!.AsArray().Single(e => e!["schema"]!.GetValue<string>() == Urn)!;
        Assert.False(extension["required"]!.GetValue<bool>());
        Assert.Equal(Urn, created["urn"]!.GetValue<string>());

        // Another organization sees neither the schema nor the definition.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Tenant.Scim.GetAsync($"Schemas/{Urn}")).StatusCode);
        var otherType = await (await other.Tenant.Scim.GetAsync("ResourceTypes/User")).ReadObjectAsync();
        Assert.DoesNotContain(otherType["schemaExtensions"]!.AsArray(), e => e!["schema"]!.GetValue<string>() == Urn);
        Assert.Empty((await (await other.Http.GetAsync("scim/schema-extensions")).Content.ReadFromJsonAsync<JsonArray>())!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"scim/schema-extensions/{created.Id()}")).StatusCode);
        var elsewhere = await other.Tenant.Scim.PostAsync("Users", ScimHttp.Json($$$"""{"userName":"x@example.com","{{{Urn}}}":{"level":"high"}}"""));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Null((await elsewhere.ReadObjectAsync())[Urn]);
    }

    [Fact]
    public async Task Every_write_is_validated_against_the_extension_and_a_refused_one_stores_nothing()
    {
        var admin = await server.CreateAdminAsync("scim.manage");
        await DefineAsync(admin);
        var scim = admin.Tenant.Scim;
        var before = await ScimErrorAssert.CountAsync(scim, "Users");

        await RefusedAsync(scim, """{"level":"high"}""", "invalidValue", $"{Urn}:level");
        await RefusedAsync(scim, """{"tier":"bronze"}""", "invalidValue", "tier");
        await RefusedAsync(scim, """{"clearance":{"level":"top"}}""", "invalidValue", "clearance.level");
        await RefusedAsync(scim, """{"since":"yesterday"}""", "invalidValue", "since");
        await RefusedAsync(scim, """{"tags":[{"one":1}]}""", "invalidValue", "tags");
        Assert.Equal(before, await ScimErrorAssert.CountAsync(scim, "Users"));

        // A read-only attribute sent in a POST is dropped, as core read-only ones are; a PATCH of it is 400 mutability.
        var user = await scim.CreateUserAsync("valid@example.com", Ext("""{"costCode":"CC-1","badge":"forged","tier":"gold","level":3}"""));
        Assert.Null(user[Urn]!["badge"]);
        var patch = await scim.PatchAsync($"Users/{user.Id()}", Patch("replace", $"{Urn}:badge", "\"forged\""));
        await ScimErrorAssert.ClientErrorAsync(patch, HttpStatusCode.BadRequest, "mutability", "PATCH of a read-only extension attribute");
        var wrong = await scim.PatchAsync($"Users/{user.Id()}", Patch("replace", $"{Urn}:tier", "\"bronze\""));
        await ScimErrorAssert.ClientErrorAsync(wrong, HttpStatusCode.BadRequest, "invalidValue", "PATCH outside the canonical values");

        // uniqueness: server compares as the attribute's caseExact says (false here), on POST, PUT and PATCH.
        var taken = await scim.PostAsync("Users", ScimHttp.Json($$$"""{"userName":"taken@example.com","{{{Urn}}}":{"costCode":"cc-1"}}"""));
        var conflict = await ScimErrorAssert.ClientErrorAsync(taken, HttpStatusCode.Conflict, null, "a taken unique value");
        Assert.Equal("uniqueness", conflict["scimType"]!.GetValue<string>());
        var second = await scim.CreateUserAsync("second@example.com", Ext("""{"costCode":"CC-2"}"""));
        var patched = await scim.PatchAsync($"Users/{second.Id()}", Patch("replace", $"{Urn}:costCode", "\"CC-1\""));
        Assert.Equal(HttpStatusCode.Conflict, patched.StatusCode);
        var put = await scim.PutAsync($"Users/{second.Id()}", ScimHttp.Json($$$"""{"userName":"second@example.com","{{{Urn}}}":{"costCode":"CC-1"}}"""));
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        var unchanged = await (await scim.GetAsync($"Users/{second.Id()}")).ReadObjectAsync();
        Assert.Equal("CC-2", unchanged[Urn]!["costCode"]!.GetValue<string>());
        Assert.Equal(before + 2, await ScimErrorAssert.CountAsync(scim, "Users"));
    }

    [Fact]
    public async Task A_required_attribute_or_extension_must_be_sent()
    {
        var admin = await server.CreateAdminAsync("scim.manage");
        var definition = Definition();
        definition["attributes"]!.AsArray().Add(new JsonObject { ["name"] = "region", ["type"] = "string", ["required"] = true });
        Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", required = true, schema = definition })).StatusCode);
        var scim = admin.Tenant.Scim;

        var without = await scim.PostAsync("Users", ScimHttp.Json("""{"userName":"none@example.com"}"""));
        var missing = await scim.PostAsync("Users", ScimHttp.Json($$$"""{"userName":"none@example.com","{{{Urn}}}":{"level":1}}"""));
        var userType = await (await scim.GetAsync("ResourceTypes/User")).ReadObjectAsync();

        Assert.Contains(Urn, (await ScimErrorAssert.ClientErrorAsync(without, HttpStatusCode.BadRequest, "invalidValue", "required extension"))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("region", (await ScimErrorAssert.ClientErrorAsync(missing, HttpStatusCode.BadRequest, "invalidValue", "required attribute"))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(userType["schemaExtensions"]!.AsArray().Single(e => e!["schema"]!.GetValue<string>() == Urn)!["required"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Created, (await scim.PostAsync("Users", ScimHttp.Json($$$"""{"userName":"some@example.com","{{{Urn}}}":{"region":"EU"}}"""))).StatusCode);
    }

    [Fact]
    public async Task Patch_paths_with_the_urn_reach_attributes_sub_attributes_and_filtered_values()
    {
        var admin = await server.CreateAdminAsync("scim.manage");
        await DefineAsync(admin);
        var scim = admin.Tenant.Scim;
        var user = await scim.CreateUserAsync("patched@example.com", Ext("""{"tags":["a","b","c"]}"""));

        var response = await scim.PatchAsync($"Users/{user.Id()}", $$$"""
            {"schemas":["{{{PatchOp}}}"],"Operations":[
              {"op":"replace","path":"{{{Urn}}}:level","value":7},
              {"op":"add","path":"{{{Urn}}}:clearance.level","value":2},
              {"op":"add","path":"{{{Urn}}}:clearance.since","value":"2024-01-02T03:04:05Z"},
              {"op":"remove","path":"{{{Urn}}}:tags[value eq \"b\"]"},
              {"op":"add","path":"{{{Urn}}}","value":{"tier":"silver"}}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await (await scim.GetAsync($"Users/{user.Id()}")).ReadObjectAsync())[Urn]!;
        Assert.Equal(7, stored["level"]!.GetValue<int>());
        Assert.Equal(2, stored["clearance"]!["level"]!.GetValue<int>());
        Assert.Equal(["a", "c"], stored["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("silver", stored["tier"]!.GetValue<string>());

        var removed = await scim.PatchAsync($"Users/{user.Id()}", Patch("remove", $"{Urn}:clearance", null));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null((await (await scim.GetAsync($"Users/{user.Id()}")).ReadObjectAsync())[Urn]!["clearance"]);
    }

    [Fact]
    public async Task Extension_attributes_filter_sort_and_project_like_core_ones()
    {
        var admin = await server.CreateAdminAsync("scim.manage");
        await DefineAsync(admin);
        var scim = admin.Tenant.Scim;
        await scim.CreateUserAsync("one@example.com", Ext("""{"level":1,"costCode":"Alpha","note":"n1","clearance":{"level":1}}"""));
        await scim.CreateUserAsync("two@example.com", Ext("""{"level":20,"costCode":"beta","note":"n2","clearance":{"level":2},"tags":["x"]}"""));
        await scim.CreateUserAsync("three@example.com", Ext("""{"level":3,"costCode":"GAMMA","since":"2020-05-01T00:00:00Z"}"""));

        var sorted = await ListAsync(scim, $"filter={Q($"{Urn}:level gt 1")}&sortBy={Q($"{Urn}:level")}&sortOrder=descending");
        var folded = await ListAsync(scim, $"filter={Q($"{Urn}:costCode eq \"ALPHA\"")}");
        var sub = await ListAsync(scim, $"filter={Q($"{Urn}:clearance.level eq 2 and {Urn}:tags eq \"x\"")}");
        var dated = await ListAsync(scim, $"filter={Q($"{Urn}:since gt \"2020-01-01T00:00:00Z\"")}");
        var byName = await ListAsync(scim, $"filter={Q($"{Urn}:costCode pr")}&sortBy={Q($"{Urn}:costCode")}");
        var present = await ListAsync(scim, $"filter={Q($"{Urn}:level pr")}&attributes={Q($"{Urn}:level")}");
        var excluded = await ListAsync(scim, $"filter={Q($"{Urn}:level eq 1")}&excludedAttributes={Q(Urn)}");
        var asked = await ListAsync(scim, $"filter={Q($"{Urn}:level eq 1")}&attributes={Q($"{Urn}:note")}");
        var plain = await ListAsync(scim, $"filter={Q($"{Urn}:level eq 1")}");
        var unknown = await scim.GetAsync($"Users?filter={Q($"{Urn}:nothing eq 1")}");

        Assert.Equal(["two@example.com", "three@example.com"], UserNames(sorted));
        Assert.Equal(["one@example.com"], UserNames(folded));
        Assert.Equal(["two@example.com"], UserNames(sub));
        Assert.Equal(["three@example.com"], UserNames(dated));
        Assert.Equal(["one@example.com", "two@example.com", "three@example.com"], UserNames(byName));
        Assert.Equal(3, present.Count);
        Assert.All(present, r => Assert.Null(r!["userName"]));
        Assert.All(present, r => Assert.NotNull(r![Urn]!["level"]));
        Assert.Null(excluded.Single()![Urn]);
        Assert.Equal("n1", asked.Single()![Urn]!["note"]!.GetValue<string>());
        Assert.Null(plain.Single()![Urn]!["note"]);
        await ScimErrorAssert.ClientErrorAsync(unknown, HttpStatusCode.BadRequest, "invalidFilter", "an attribute the extension does not define");
    }

    [Fact]
    public async Task Definition_changes_keep_stored_values_meaningful()
    {
        var admin = await server.CreateAdminAsync("scim.manage", "audit.view");
        var id = (await DefineAsync(admin)).Id();
        var scim = admin.Tenant.Scim;
        var user = await scim.CreateUserAsync("held@example.com", Ext("""{"level":4}"""));

        var added = Definition();
        added["attributes"]!.AsArray().Add(new JsonObject { ["name"] = "floor", ["type"] = "integer" });
        var retyped = Definition();
        retyped["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "level")!["type"] = "string";
        var unusedRetyped = Definition();
        unusedRetyped["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "tier")!["type"] = "integer";
        unusedRetyped["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "tier")!.AsObject().Remove("canonicalValues");

        var add = await admin.Http.PutAsJsonAsync($"scim/schema-extensions/{id}", new { resourceType = "User", schema = added });
        var conflict = await admin.Http.PutAsJsonAsync($"scim/schema-extensions/{id}", new { resourceType = "User", schema = retyped });
        var free = await admin.Http.PutAsJsonAsync($"scim/schema-extensions/{id}", new { resourceType = "User", schema = unusedRetyped });
        var deleteHeld = await admin.Http.DeleteNoBodyAsync($"scim/schema-extensions/{id}");

        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("level", (await conflict.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, deleteHeld.StatusCode);
        Assert.Equal(4, (await (await scim.GetAsync($"Users/{user.Id()}")).ReadObjectAsync())[Urn]!["level"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, (await scim.PatchAsync($"Users/{user.Id()}", Patch("remove", Urn, null))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteNoBodyAsync($"scim/schema-extensions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync($"Schemas/{Urn}")).StatusCode);
        var audit = await (await admin.Http.GetAsync("audit-events?action=scim.schema_extension.delete")).ReadObjectAsync();
        Assert.Single(audit["events"]!.AsArray());
    }

    [Theory]
    [InlineData("urn:ietf:params:scim:schemas:extension:acme:2.0:User", "namespace")]
    [InlineData("http://example.com/schema", "schema URN")]
    public async Task A_urn_in_rfc_7643_namespace_or_not_a_urn_is_refused(string urn, string named)
    {
        var admin = await server.CreateAdminAsync("scim.manage");
        var definition = Definition();
        definition["id"] = urn;

        var response = await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", schema = definition });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Definitions_are_bounded_and_a_urn_is_defined_once()
    {
        var admin = await server.CreateAdminAsync("scim.manage");
        var tooWide = Definition();
        tooWide["attributes"] = new JsonArray([.. Enumerable.Range(0, 101).Select(i => (JsonNode)new JsonObject { ["name"] = $"a{i}", ["type"] = "string" })]);
        var badType = Definition();
        badType["attributes"]!.AsArray().Add(new JsonObject { ["name"] = "blob", ["type"] = "binary-ish" });

        var wide = await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", schema = tooWide });
        var typed = await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", schema = badType });
        var noType = await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "Device", schema = Definition() });
        await DefineAsync(admin);
        var again = await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", schema = Definition() });

        Assert.Equal(HttpStatusCode.BadRequest, wide.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        for (var i = 1; i < 20; i++)
        {
            var more = Definition();
            more["id"] = $"urn:example:roster:schemas:extension:more{i}:2.0:User";
            Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", schema = more })).StatusCode);
        }

        var last = Definition();
        last["id"] = "urn:example:roster:schemas:extension:more20:2.0:User";
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", schema = last })).StatusCode);
    }

    [Fact]
    public async Task A_group_extension_is_validated_and_filtered_too()
    {
        var admin = await server.CreateAdminAsync("scim.manage");
        const string GroupUrn = "urn:example:roster:schemas:extension:acme:2.0:Group";
        var definition = new JsonObject
        {
            ["id"] = GroupUrn,
            ["attributes"] = new JsonArray(new JsonObject { ["name"] = "site", ["type"] = "string", ["uniqueness"] = "server" }),
        };
        Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "Group", schema = definition })).StatusCode);
        var scim = admin.Tenant.Scim;

        var created = await scim.PostAsync("Groups", ScimHttp.Json($$$"""{"displayName":"Paris","{{{GroupUrn}}}":{"site":"PAR"}}"""));
        var taken = await scim.PostAsync("Groups", ScimHttp.Json($$$"""{"displayName":"Paris 2","{{{GroupUrn}}}":{"site":"par"}}"""));
        var wrong = await scim.PostAsync("Groups", ScimHttp.Json($$$"""{"displayName":"Lyon","{{{GroupUrn}}}":{"site":5}}"""));
        var found = await (await scim.GetAsync($"Groups?filter={Q($"{GroupUrn}:site eq \"par\"")}")).ReadObjectAsync();
        var groupType = await (await scim.GetAsync("ResourceTypes/Group")).ReadObjectAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        await ScimErrorAssert.ClientErrorAsync(wrong, HttpStatusCode.BadRequest, "invalidValue", "wrong type in a group extension");
        Assert.Equal(1, found["totalResults"]!.GetValue<int>());
        Assert.Contains(groupType["schemaExtensions"]!.AsArray(), e => e!["schema"]!.GetValue<string>() == GroupUrn);
    }

    internal static JsonObject Definition() => new()
    {
        ["id"] = Urn,
        ["name"] = "AcmeUser",
        ["description"] = "Acme's own user attributes",
        ["attributes"] = new JsonArray(
            new JsonObject { ["name"] = "costCode", ["type"] = "string", ["uniqueness"] = "server" },
            new JsonObject { ["name"] = "level", ["type"] = "integer" },
            new JsonObject { ["name"] = "since", ["type"] = "dateTime" },
            new JsonObject { ["name"] = "tier", ["type"] = "string", ["canonicalValues"] = new JsonArray("gold", "silver") },
            new JsonObject { ["name"] = "badge", ["type"] = "string", ["mutability"] = "readOnly" },
            new JsonObject { ["name"] = "note", ["type"] = "string", ["returned"] = "request" },
            new JsonObject { ["name"] = "tags", ["type"] = "string", ["multiValued"] = true },
            new JsonObject
            {
                ["name"] = "clearance",
                ["type"] = "complex",
                ["subAttributes"] = new JsonArray(
                    new JsonObject { ["name"] = "level", ["type"] = "integer" },
                    new JsonObject { ["name"] = "since", ["type"] = "dateTime" }),
            }),
    };

    private static async Task<JsonObject> DefineAsync(AdminSession admin)
    {
        var response = await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", schema = Definition() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task RefusedAsync(HttpClient scim, string extension, string scimType, string named)
    {
        var response = await scim.PostAsync("Users", ScimHttp.Json($$$"""{"userName":"refused@example.com","{{{Urn}}}":{{{extension}}}}"""));
        var error = await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, scimType, extension);
        Assert.Contains(named, error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Ext(string json) => $"\"{Urn}\":{json}";

    private static JsonObject Attribute(JsonObject schema, string name) =>
        schema["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == name)!.AsObject();

    private static string Patch(string op, string path, string? value) =>
        $$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"{{{op}}}","path":"{{{path}}}"{{{(value is null ? "" : $",\"value\":{value}")}}}}]}""";

    private static async Task<JsonArray> ListAsync(HttpClient scim, string query)
    {
        var response = await scim.GetAsync($"Users?{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadObjectAsync())["Resources"]!.AsArray();
    }

    private static List<string> UserNames(JsonArray resources) => [.. resources.Select(r => r!["userName"]!.GetValue<string>())];

    private static string Q(string text) => Uri.EscapeDataString(text);
}
