using System.Net;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// The Enterprise User's <c>manager</c> (RFC 7643 section 4.3): its <c>$ref</c> is the manager's
/// URI at this server, its read-only <c>displayName</c> is the manager's own, whatever a client
/// sends for either; and <c>/Schemas</c> lists every attribute of the extension with its
/// characteristics.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class EnterpriseManagerTests(RosterServerFixture server)
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public async Task Manager_ref_and_display_name_come_from_the_manager_user()
    {
        var tenant = await server.CreateTenantAsync();
        var boss = await tenant.Scim.CreateUserAsync("boss@example.com", "\"displayName\":\"Grace Boss\"");
        var report = await tenant.Scim.CreateUserAsync("report@example.com",
            "\"" + $$$"""{{{Enterprise}}}":{"manager":{"value":"{{{boss.Id()}}}","displayName":"Forged","$ref":"https://elsewhere.example/Users/x"}}""");
        var orphan = await tenant.Scim.CreateUserAsync("orphan@example.com", "\"" + $$$"""{{{Enterprise}}}":{"manager":"{{{Guid.NewGuid()}}}"}""");

        var read = await (await tenant.Scim.GetAsync($"Users/{report.Id()}")).ReadObjectAsync();
        var manager = read[Enterprise]!["manager"]!;
        var orphanManager = orphan[Enterprise]!["manager"]!;

        Assert.Equal(boss.Id(), manager["value"]!.GetValue<string>());
        Assert.Equal("Grace Boss", manager["displayName"]!.GetValue<string>());
        Assert.Equal(new Uri(tenant.Scim.BaseAddress!, $"Users/{boss.Id()}").ToString(), manager["$ref"]!.GetValue<string>());
        Assert.Equal("Grace Boss", report[Enterprise]!["manager"]!["displayName"]!.GetValue<string>());
        Assert.Null(orphanManager["displayName"]);
        Assert.EndsWith($"/Users/{orphanManager["value"]!.GetValue<string>()}", orphanManager["$ref"]!.GetValue<string>(), StringComparison.Ordinal);

        // A PATCH of the read-only displayName is refused like any read-only attribute.
        var patch = await tenant.Scim.PatchAsync($"Users/{report.Id()}",
            $$$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"{{{Enterprise}}}:manager.displayName","value":"Forged"}]}""");
        await ScimErrorAssert.ClientErrorAsync(patch, HttpStatusCode.BadRequest, "mutability", "PATCH of manager.displayName");
    }

    [Fact]
    public async Task Schemas_list_every_enterprise_attribute_of_rfc_7643_with_its_characteristics()
    {
        var tenant = await server.CreateTenantAsync();

        var schema = await (await tenant.Scim.GetAsync($"Schemas/{Enterprise}")).ReadObjectAsync();

        var attributes = schema["attributes"]!.AsArray().ToDictionary(a => a!["name"]!.GetValue<string>(), a => a!.AsObject());
        Assert.Equal(["costCenter", "department", "division", "employeeNumber", "manager", "organization"], attributes.Keys.Order(StringComparer.Ordinal));
        foreach (var attribute in attributes.Values)
        {
            foreach (var characteristic in new[] { "type", "multiValued", "description", "required", "caseExact", "mutability", "returned", "uniqueness" })
            {
                Assert.True(attribute[characteristic] is not null, $"{attribute["name"]} has no {characteristic}");
            }
        }

        var subs = attributes["manager"]["subAttributes"]!.AsArray().ToDictionary(a => a!["name"]!.GetValue<string>(), a => a!.AsObject());
        Assert.Equal(["$ref", "displayName", "value"], subs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("readOnly", subs["displayName"]["mutability"]!.GetValue<string>());
        Assert.Equal("reference", subs["$ref"]["type"]!.GetValue<string>());
        Assert.Equal(["User"], subs["$ref"]["referenceTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("complex", attributes["manager"]["type"]!.GetValue<string>());
    }
}
