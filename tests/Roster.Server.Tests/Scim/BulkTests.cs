using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Events;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>POST /Bulk (RFC 7644 section 3.7): bulkId references, partial failure, failOnErrors, limits, versions, audit and events.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class BulkTests(RosterServerFixture server)
{
    internal const string BulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

    internal static Task<HttpResponseMessage> PostBulkAsync(HttpClient scim, string operations, string extra = "") =>
        scim.PostAsync("Bulk", ScimHttp.Json($$"""{"schemas":["{{BulkRequest}}"]{{extra}},"Operations":[{{operations}}]}"""));

    internal static string CreateUser(string bulkId, string userName) =>
        $$"""{"method":"POST","path":"/Users","bulkId":"{{bulkId}}","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}"} }""";

    private static async Task<JsonArray> OperationsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:BulkResponse", (string)body["schemas"]![0]!);
        return body["Operations"]!.AsArray();
    }

    [Fact]
    public async Task A_group_listed_before_its_members_gets_them_by_bulkId_and_every_result_has_status_location_and_version()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await PostBulkAsync(tenant.Scim, """
            {"method":"POST","path":"/Groups","bulkId":"team","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Bulk team","members":[{"value":"bulkId:alice","type":"User"},{"value":"bulkId:bob"}]}},
            """ + CreateUser("alice", "bulk-alice@example.com") + "," + CreateUser("bob", "bulk-bob@example.com"));

        var operations = await OperationsAsync(response);
        Assert.Equal(["team", "alice", "bob"], operations.Select(o => (string)o!["bulkId"]!));
        Assert.All(operations, o => Assert.Equal("201", (string)o!["status"]!));
        Assert.All(operations, o => Assert.Equal("W/\"1\"", (string)o!["version"]!));
        var group = await (await tenant.Scim.GetAsync((string)operations[0]!["location"]!)).ReadObjectAsync();
        var alice = await (await tenant.Scim.GetAsync((string)operations[1]!["location"]!)).ReadObjectAsync();
        Assert.Equal("bulk-alice@example.com", (string)alice["userName"]!);
        Assert.Equal(
            new[] { alice.Id(), ((string)operations[2]!["location"]!).Split('/')[^1] }.Order(StringComparer.Ordinal),
            group["members"]!.AsArray().Select(m => (string)m!["value"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failed_operation_is_answered_alone_and_the_others_are_stored()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("taken@example.com");

        var operations = await OperationsAsync(await PostBulkAsync(tenant.Scim,
            CreateUser("a", "first@example.com") + "," + CreateUser("b", "taken@example.com") + "," + CreateUser("c", "third@example.com")
            + """,{"method":"PATCH","path":"/Users/bulkId:b","data":{"Operations":[{"op":"replace","path":"active","value":false}]}}"""));

        Assert.Equal(["201", "409", "201", "409"], operations.Select(o => (string)o!["status"]!));
        Assert.Equal("uniqueness", (string)operations[1]!["response"]!["scimType"]!);
        Assert.Equal("invalidValue", (string)operations[3]!["response"]!["scimType"]!);
        Assert.Contains("bulkId 'b'", (string)operations[3]!["response"]!["detail"]!, StringComparison.Ordinal);
        Assert.Null(operations[0]!["response"]);
        Assert.Equal(3, await ScimErrorAssert.CountAsync(tenant.Scim, "Users"));
    }

    [Fact]
    public async Task FailOnErrors_stops_the_request_and_leaves_the_rest_unperformed_and_unanswered()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("dup@example.com");

        var operations = await OperationsAsync(await PostBulkAsync(tenant.Scim,
            CreateUser("a", "dup@example.com") + "," + CreateUser("b", "never@example.com"), ",\"failOnErrors\":1"));

        Assert.Equal("409", (string)Assert.Single(operations)!["status"]!);
        Assert.Equal(1, await ScimErrorAssert.CountAsync(tenant.Scim, "Users"));
    }

    [Fact]
    public async Task Circular_references_are_refused_with_409_and_the_other_operations_run()
    {
        var tenant = await server.CreateTenantAsync();
        const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

        var operations = await OperationsAsync(await PostBulkAsync(tenant.Scim, $$"""
            {"method":"POST","path":"/Groups","bulkId":"A","data":{"schemas":["{{Group}}"],"displayName":"Cycle A","members":[{"value":"bulkId:B","type":"Group"}]} },
            {"method":"POST","path":"/Groups","bulkId":"B","data":{"schemas":["{{Group}}"],"displayName":"Cycle B","members":[{"value":"bulkId:A","type":"Group"}]} },
            {"method":"POST","path":"/Groups","bulkId":"C","data":{"schemas":["{{Group}}"],"displayName":"Outside"} },
            {"method":"POST","path":"/Groups","bulkId":"D","data":{"schemas":["{{Group}}"],"displayName":"Nowhere","members":[{"value":"bulkId:none"}]} }
            """));

        Assert.Equal(["409", "409", "201", "409"], operations.Select(o => (string)o!["status"]!));
        Assert.All(operations.Where(o => (string)o!["status"]! == "409"), o => Assert.Equal("invalidValue", (string)o!["response"]!["scimType"]!));
        Assert.Contains("cycle", (string)operations[0]!["response"]!["detail"]!, StringComparison.Ordinal);
        Assert.Contains("'none'", (string)operations[3]!["response"]!["detail"]!, StringComparison.Ordinal);
        Assert.Equal(1, await ScimErrorAssert.CountAsync(tenant.Scim, "Groups"));
    }

    [Fact]
    public async Task More_operations_than_maxOperations_is_413_and_nothing_is_created()
    {
        var tenant = await server.CreateTenantAsync();
        var config = await (await tenant.Scim.GetAsync("ServiceProviderConfig")).ReadObjectAsync();
        var max = (int)config["bulk"]!["maxOperations"]!;

        var response = await PostBulkAsync(tenant.Scim, string.Join(",", Enumerable.Range(0, max + 1).Select(i => CreateUser($"u{i}", $"over{i}@example.com"))));

        Assert.True((bool)config["bulk"]!["supported"]!);
        Assert.Equal(1000, max);
        Assert.Equal(1024 * 1024, (int)config["bulk"]!["maxPayloadSize"]!);
        var error = await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, null, "1,001 operations");
        Assert.Contains("1,000", (string)error["detail"]!, StringComparison.Ordinal);
        Assert.Equal(0, await ScimErrorAssert.CountAsync(tenant.Scim, "Users"));
    }

    [Fact]
    public async Task A_malformed_request_is_400_and_a_malformed_operation_fails_alone()
    {
        var tenant = await server.CreateTenantAsync();

        var noSchema = await tenant.Scim.PostAsync("Bulk", ScimHttp.Json("""{"Operations":[]}"""));
        var noOperations = await tenant.Scim.PostAsync("Bulk", ScimHttp.Json($$"""{"schemas":["{{BulkRequest}}"]}"""));
        var operations = await OperationsAsync(await PostBulkAsync(tenant.Scim, """
            {"method":"GET","path":"/Users"},
            {"method":"POST","path":"/Users","data":{"userName":"no-bulkid@example.com"}},
            {"method":"POST","path":"/Widgets","bulkId":"w","data":{}},
            {"method":"DELETE","path":"/Users/00000000-0000-0000-0000-000000000001"}
            """));

        await ScimErrorAssert.ClientErrorAsync(noSchema, HttpStatusCode.BadRequest, "invalidSyntax", "no schemas");
        await ScimErrorAssert.ClientErrorAsync(noOperations, HttpStatusCode.BadRequest, "invalidSyntax", "no Operations");
        Assert.Equal(["400", "400", "400", "404"], operations.Select(o => (string)o!["status"]!));
        Assert.Equal("invalidPath", (string)operations[2]!["response"]!["scimType"]!);
        Assert.Equal(0, await ScimErrorAssert.CountAsync(tenant.Scim, "Users"));
    }

    [Fact]
    public async Task An_operation_version_is_its_If_Match()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("versioned@example.com");
        var path = $"/Users/{user.Id()}";

        var operations = await OperationsAsync(await PostBulkAsync(tenant.Scim, $$"""
            {"method":"PATCH","path":"{{path}}","version":"W/\"7\"","data":{"Operations":[{"op":"replace","path":"displayName","value":"Stale"}]} },
            {"method":"PATCH","path":"{{path}}","version":"W/\"1\"","data":{"Operations":[{"op":"replace","path":"displayName","value":"Fresh"}]} },
            {"method":"DELETE","path":"{{path}}","version":"W/\"1\""}
            """));

        Assert.Equal(["412", "200", "412"], operations.Select(o => (string)o!["status"]!));
        Assert.Equal("W/\"2\"", (string)operations[1]!["version"]!);
        Assert.Equal("Fresh", (string)(await (await tenant.Scim.GetAsync(path[1..])).ReadObjectAsync())["displayName"]!);
    }

    [Fact]
    public async Task Each_operation_has_its_audit_entry_credited_to_the_caller_and_its_events()
    {
        var admin = await server.CreateAdminAsync("scim.manage", "audit.view", "employees.edit", "events.read");
        var issued = await (await admin.Http.PostAsJsonAsync("scim-tokens", new { name = "Bulk client", ownerId = admin.EmployeeId })).ReadObjectAsync();
        using var scim = server.CreateClient((string)issued["token"]!, $"scim/v2/{admin.OrgId}/");
        var head = long.Parse((string)(await admin.Http.ReadFeedAsync(0, "&limit=1"))["head"]!, CultureInfo.InvariantCulture);

        var operations = await OperationsAsync(await PostBulkAsync(scim,
            CreateUser("a", "audited-a@example.com") + "," + CreateUser("b", "audited-b@example.com")));

        foreach (var operation in operations)
        {
            var id = ((string)operation!["location"]!).Split('/')[^1];
            var audit = JsonNode.Parse(await admin.Http.GetStringAsync($"audit-events?resourceId={id}"))!["events"]!.AsArray();
            var entry = Assert.Single(audit)!;
            Assert.Equal(admin.EmployeeId.ToString(), (string?)entry["actorProfileId"]);
            Assert.Equal(issued.Id(), (string?)entry["credentialId"]);
        }

        var events = await admin.Http.ReadAllAsync(head);
        Assert.Equal(2, events.Count(e => (string)e["type"]! == "user.created"));
    }

    [Fact]
    public async Task Policy_refusals_and_taken_names_fail_alone_across_checkpoints_and_the_policy_read_once_per_part_is_read_again_next_request()
    {
        var tenant = await server.CreateTenantAsync();
        var operatorActor = Roster.Directory.Administration.AdminActor.Operator(tenant.OrgId);
        var role = await server.Services.GetRequiredService<Roster.Directory.Roles.CreateRole>().ExecuteAsync(operatorActor, "Bulk agent", [], CancellationToken.None);
        Assert.True(role.IsSuccess);
        await SetPolicyAsync(tenant.OrgId, role.Value.Id, namesRequired: true);

        // 450 operations, three parts (checkpoints after 200 and 400): a nameless user the policy
        // refuses before anything is written, a valid one, and one whose userName the previous took.
        const int Triples = 150;
        var operations = await OperationsAsync(await PostBulkAsync(tenant.Scim, string.Join(",", Enumerable.Range(0, Triples).SelectMany(i => new[]
        {
            CreateUser($"n{i}", $"nameless{i}@example.com"),
            Named($"v{i}", $"valid{i}@example.com"),
            Named($"t{i}", $"VALID{i}@example.com"),
        }))));

        Assert.Equal(Triples * 3, operations.Count);
        Assert.Equal(Enumerable.Range(0, Triples).SelectMany(_ => new[] { "400", "201", "409" }), operations.Select(o => (string)o!["status"]!));
        Assert.Equal(Triples, await ScimErrorAssert.CountAsync(tenant.Scim, "Users"));
        var last = await (await tenant.Scim.GetAsync((string)operations[^2]!["location"]!)).ReadObjectAsync();
        Assert.Equal("Bulk agent", (string)last["roles"]![0]!["value"]!);
        var audit = server.Services.GetRequiredService<Roster.Directory.Audit.ListAuditEvents>();
        var created = await audit.ExecuteAsync(tenant.OrgId, new Roster.Directory.Audit.AuditQuery { Action = "user.create", PageSize = 200 }, CancellationToken.None);
        Assert.True(created.IsSuccess);
        Assert.Equal(Triples, created.Value.Events.Count);

        // The next request reads the policy again.
        await SetPolicyAsync(tenant.OrgId, null, namesRequired: false);
        var next = await OperationsAsync(await PostBulkAsync(tenant.Scim, CreateUser("later", "nameless-later@example.com")));
        Assert.Equal("201", (string)Assert.Single(next)!["status"]!);
        Assert.Null((await (await tenant.Scim.GetAsync((string)next[0]!["location"]!)).ReadObjectAsync())["roles"]);

        static string Named(string bulkId, string userName) =>
            $$$"""{"method":"POST","path":"/Users","bulkId":"{{{bulkId}}}","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{{userName}}}","name":{"givenName":"A","familyName":"B"} } }""";
    }

    private async Task SetPolicyAsync(Guid orgId, Guid? defaultRoleId, bool namesRequired)
    {
        var actor = Roster.Directory.Administration.AdminActor.Operator(orgId);
        var current = await server.Services.GetRequiredService<Roster.Directory.Provisioning.GetScimSettings>().ExecuteAsync(orgId, CancellationToken.None);
        var update = Roster.Directory.Provisioning.ScimSettingsUpdate.From(current) with { DefaultRoleId = defaultRoleId, NamesRequired = namesRequired };
        var result = await server.Services.GetRequiredService<Roster.Directory.Provisioning.UpdateScimSettings>().ExecuteAsync(actor, update, CancellationToken.None);
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.Detail);
    }

    [Fact]
    public async Task A_thousand_members_join_a_group_by_bulkId_in_one_request()
    {
        var tenant = await server.CreateTenantAsync();
        const int Users = 999;
        var members = string.Join(",", Enumerable.Range(0, Users).Select(i => $$"""{"value":"bulkId:u{{i}}"}"""));
        var group = $$"""{"method":"POST","path":"/Groups","bulkId":"all","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Everyone","members":[{{members}}]} }""";

        var operations = await OperationsAsync(await PostBulkAsync(tenant.Scim,
            group + "," + string.Join(",", Enumerable.Range(0, Users).Select(i => CreateUser($"u{i}", $"member{i}@example.com")))));

        Assert.Equal(Users + 1, operations.Count);
        Assert.All(operations, o => Assert.Equal("201", (string)o!["status"]!));
        var id = ((string)operations[0]!["location"]!).Split('/')[^1];
        var listed = await (await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString($"groups.value eq \"{id}\"")}&count=0")).ReadObjectAsync();
        Assert.Equal(Users, (int)listed["totalResults"]!);
    }
}
