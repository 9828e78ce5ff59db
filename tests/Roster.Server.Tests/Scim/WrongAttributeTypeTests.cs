using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// For every writable attribute and sub-attribute that the server's own <c>/Schemas</c> lists for
/// User (core and enterprise) and Group, a value of the wrong JSON type (a number for a string,
/// a string for a number, an object for a boolean, a number for a complex value or an element
/// of a multi-valued one, two values for a single-valued one) is a 400 <c>invalidValue</c> whose
/// detail names the attribute, and nothing is stored. Read-only attributes are not tested:
/// a client's value for them is dropped, as IdPs echo them back.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class WrongAttributeTypeTests(RosterServerFixture server)
{
    private const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static readonly Dictionary<string, string> ResourceTypeOfSchema = new(StringComparer.Ordinal)
    {
        ["urn:ietf:params:scim:schemas:core:2.0:User"] = "Users",
        [EnterpriseUser] = "Users",
        ["urn:ietf:params:scim:schemas:core:2.0:Group"] = "Groups",
    };

    [Fact]
    public async Task A_wrong_type_in_any_attribute_of_a_post_is_400_invalidValue_naming_it()
    {
        var tenant = await server.CreateTenantAsync();
        var cases = await WrongValuesAsync(tenant.Scim);
        Assert.True(cases.Count > 40, $"only {cases.Count} cases: the schemas were not read");

        var sent = 0;
        foreach (var wrong in cases)
        {
            var body = wrong.ResourceType == "Users"
                ? new JsonObject { ["userName"] = $"typed{sent}@example.com" }
                : new JsonObject { ["displayName"] = $"Typed {sent}" };
            var container = wrong.Schema == EnterpriseUser ? (JsonObject)(body[EnterpriseUser] = new JsonObject()) : body;
            container[wrong.Attribute] = wrong.Value.DeepClone();

            var response = await tenant.Scim.PostAsync(wrong.ResourceType, ScimHttp.Json(body));

            var error = await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue", $"POST {wrong}");
            Assert.Contains(wrong.Named, error["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
            sent++;
        }

        Assert.Equal(0, await ScimErrorAssert.CountAsync(tenant.Scim, "Users"));
        Assert.Equal(0, await ScimErrorAssert.CountAsync(tenant.Scim, "Groups"));
    }

    [Fact]
    public async Task A_wrong_type_in_any_attribute_of_a_patch_or_put_is_400_invalidValue_naming_it()
    {
        var tenant = await server.CreateTenantAsync();
        var cases = await WrongValuesAsync(tenant.Scim);
        var locations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Users"] = $"Users/{(await tenant.Scim.CreateUserAsync("patched@example.com")).Id()}",
            ["Groups"] = $"Groups/{(await tenant.Scim.CreateGroupAsync("Patched")).Id()}",
        };
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (type, location) in locations)
        {
            versions[type] = await ScimErrorAssert.VersionAsync(tenant.Scim, location);
        }

        foreach (var wrong in cases.Where(c => c.Sub is null))
        {
            var location = locations[wrong.ResourceType];
            var path = wrong.Schema == EnterpriseUser ? $"{EnterpriseUser}:{wrong.Attribute}" : wrong.Attribute;
            var patch = new JsonObject
            {
                ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                ["Operations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = path, ["value"] = wrong.Value.DeepClone() }),
            };
            var put = wrong.ResourceType == "Users"
                ? new JsonObject { ["userName"] = "patched@example.com" }
                : new JsonObject { ["displayName"] = "Patched" };
            var container = wrong.Schema == EnterpriseUser ? (JsonObject)(put[EnterpriseUser] = new JsonObject()) : put;
            container[wrong.Attribute] = wrong.Value.DeepClone();

            var patched = await tenant.Scim.PatchAsync(location, patch.ToJsonString());
            var replaced = await tenant.Scim.PutAsync(location, ScimHttp.Json(put));

            var patchError = await ScimErrorAssert.ClientErrorAsync(patched, HttpStatusCode.BadRequest, "invalidValue", $"PATCH {wrong}");
            Assert.Contains(wrong.Attribute, patchError["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
            var putError = await ScimErrorAssert.ClientErrorAsync(replaced, HttpStatusCode.BadRequest, "invalidValue", $"PUT {wrong}");
            Assert.Contains(wrong.Attribute, putError["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }

        foreach (var (type, location) in locations)
        {
            Assert.Equal(versions[type], await ScimErrorAssert.VersionAsync(tenant.Scim, location));
        }
    }

    /// <summary>One wrong value per writable attribute and sub-attribute of the schemas the server publishes.</summary>
    private static async Task<List<WrongValue>> WrongValuesAsync(HttpClient scim)
    {
        var schemas = (await (await scim.GetAsync("Schemas")).ReadObjectAsync())["Resources"]!.AsArray();
        var cases = new List<WrongValue>();
        foreach (var schema in schemas.Select(s => s!.AsObject()))
        {
            if (!ResourceTypeOfSchema.TryGetValue(schema["id"]!.GetValue<string>(), out var resourceType))
            {
                continue;
            }

            foreach (var attribute in schema["attributes"]!.AsArray().Select(a => a!.AsObject()).Where(IsWritable))
            {
                var name = attribute["name"]!.GetValue<string>();
                var multiValued = attribute["multiValued"]!.GetValue<bool>();
                var wrongElement = WrongElement(attribute);
                cases.Add(new(resourceType, schema["id"]!.GetValue<string>(), name, null, multiValued ? new JsonArray(wrongElement) : wrongElement, name));
                if (!multiValued && attribute["type"]!.GetValue<string>() != "complex")
                {
                    cases.Add(new(resourceType, schema["id"]!.GetValue<string>(), name, null, new JsonArray(Valid(attribute), Valid(attribute)), name));
                }

                foreach (var sub in (attribute["subAttributes"]?.AsArray() ?? []).Select(s => s!.AsObject()).Where(IsWritable))
                {
                    var subName = sub["name"]!.GetValue<string>();
                    var element = new JsonObject { [subName] = WrongElement(sub) };
                    cases.Add(new(resourceType, schema["id"]!.GetValue<string>(), name, subName, multiValued ? new JsonArray(element) : element, $"{name}.{subName}"));
                }
            }
        }

        return cases;
    }

    private static bool IsWritable(JsonObject attribute) => attribute["mutability"]!.GetValue<string>() != "readOnly";

    /// <summary>A value of the wrong JSON type for one value of <paramref name="attribute"/>.</summary>
    private static JsonNode WrongElement(JsonObject attribute) => attribute["type"]!.GetValue<string>() switch
    {
        "boolean" => new JsonObject { ["value"] = true },
        "integer" or "decimal" => "12",
        _ => 42,
    };

    private static JsonNode Valid(JsonObject attribute) => attribute["type"]!.GetValue<string>() switch
    {
        "boolean" => true,
        "integer" or "decimal" => 12,
        "dateTime" => "2026-01-01T00:00:00Z",
        "binary" => "AAAA",
        _ => "x",
    };

    private sealed record WrongValue(string ResourceType, string Schema, string Attribute, string? Sub, JsonNode Value, string Named)
    {
        public override string ToString() => $"{ResourceType} {Named} = {Value.ToJsonString()}";
    }
}
