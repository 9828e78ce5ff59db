using System.Net;
using System.Text.Json.Nodes;

using Roster.Scim.Patching;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Tests.Patching;

/// <summary>
/// Public entry points never throw for bad input: every path of a broad list, with every value
/// of a broad list, in every operation, gives a resource or a 400, never an exception.
/// </summary>
public sealed class PatchEngineRobustnessTests
{
    private const string Enterprise = SchemaUris.EnterpriseUser;

    private static readonly string[] Paths =
    [
        "userName", "name", "name.givenName", "displayName", "active", "password", "profileUrl", "emails", "emails.value",
        "emails[type eq \"work\"]", "emails[type eq \"work\"].value", "emails[type eq \"work\"].primary", "emails[value co \"@\"].type",
        "phoneNumbers[type eq \"mobile\" and primary eq true].value", "addresses[type eq \"work\"].locality", "addresses",
        "roles[value eq \"Admin\"]", "x509Certificates", "groups", "id", "meta", "meta.created", "externalId",
        $"{Enterprise}:manager", $"{Enterprise}:manager.value", $"{Enterprise}:manager.displayName", $"{Enterprise}:employeeNumber", Enterprise,
        "members", "members[value eq \"u1\"]", "members[value eq \"u1\"].display", "members[type eq \"Group\"]", "members.value",
        "urn:example:params:scim:schemas:extension:acme:1.0:User:badge", "unknown", "name.unknown", "emails[type eq \"work\"].unknown",
    ];

    private static readonly Func<JsonNode?>[] Values =
    [
        () => null, () => "", () => "x", () => "True", () => 1, () => 1.5, () => true, () => new JsonArray(), () => new JsonArray((JsonNode?)null),
        () => new JsonArray("x"), () => new JsonArray("x", "y"), () => new JsonArray(new JsonObject()), () => new JsonObject(),
        () => new JsonObject { ["value"] = "x" }, () => new JsonObject { ["value"] = "x", ["primary"] = "true", ["type"] = "work" },
        () => new JsonArray(new JsonObject { ["value"] = "a", ["primary"] = true }, new JsonObject { ["value"] = "b", ["primary"] = true }),
        () => new JsonObject { ["givenName"] = "x", ["familyName"] = null }, () => new JsonObject { ["value"] = 5 },
        () => JsonValue.Create(Guid.Parse("6d5fb9a2-2c43-4f3e-8f7e-3b1f0a9c2d11")), () => JsonValue.Create(DateTimeOffset.UnixEpoch),
    ];

    private static JsonObject StoredUser() => new()
    {
        ["schemas"] = new JsonArray(SchemaUris.User, Enterprise),
        ["id"] = JsonValue.Create(Guid.Parse("2819c223-7f76-453a-919d-413861904646")),
        ["userName"] = "bjensen",
        ["name"] = new JsonObject { ["givenName"] = "Barbara" },
        ["emails"] = new JsonArray(
            new JsonObject { ["value"] = "b@example.com", ["type"] = "work", ["primary"] = true },
            new JsonObject { ["value"] = JsonValue.Create(Guid.Empty), ["type"] = "home" }),
        ["roles"] = new JsonObject { ["value"] = "Admin" },
        ["groups"] = new JsonArray(new JsonObject { ["value"] = "g1" }),
        [Enterprise] = new JsonObject { ["manager"] = new JsonObject { ["value"] = "m1", ["displayName"] = "Boss" } },
        ["meta"] = new JsonObject { ["resourceType"] = "User", ["created"] = JsonValue.Create(DateTimeOffset.UnixEpoch) },
    };

    private static JsonObject StoredGroup() => new()
    {
        ["schemas"] = new JsonArray(SchemaUris.Group),
        ["id"] = "g1",
        ["displayName"] = "Guides",
        ["members"] = new JsonArray(new JsonObject { ["value"] = "u1", ["type"] = "User" }),
    };

    [Fact]
    public void No_path_value_and_operation_makes_the_engine_throw()
    {
        var outcomes = 0;
        foreach (var path in Paths)
        {
            foreach (var value in Values)
            {
                foreach (var op in new[] { "add", "replace", "remove", "Replace" })
                {
                    foreach (var (resource, type) in new[] { (StoredUser(), ScimResourceTypes.User), (StoredGroup(), ScimResourceTypes.Group) })
                    {
                        var body = new JsonObject
                        {
                            ["Operations"] = new JsonArray(
                                new JsonObject { ["op"] = op, ["path"] = path, ["value"] = value() },
                                new JsonObject { ["op"] = op, ["value"] = new JsonObject { [path] = value() } }),
                        };
                        outcomes += Run(body, resource, type);
                    }
                }
            }
        }

        Assert.True(outcomes > 0);
    }

    [Fact]
    public void No_member_and_value_makes_the_normalizer_throw()
    {
        foreach (var path in Paths)
        {
            foreach (var value in Values)
            {
                foreach (var type in ScimResourceTypes.All)
                {
                    var body = new JsonObject { ["userName"] = "b", ["displayName"] = "d", [path] = value() };
                    var result = ResourceNormalizer.Normalize(body, type, ResourceWriteMode.Create);
                    Assert.True(result.IsSuccess || result.Error.Status == HttpStatusCode.BadRequest, result.Error?.Detail);
                    if (result.IsSuccess)
                    {
                        var merged = ResourceReplacement.Merge(type == ScimResourceTypes.User ? StoredUser() : StoredGroup(), result.Value, type);
                        Assert.True(merged.IsSuccess || merged.Error.Status == HttpStatusCode.BadRequest);
                    }
                }
            }
        }
    }

    private static int Run(JsonObject body, JsonObject resource, ResourceTypeDefinition type)
    {
        var read = PatchRequestReader.Read(body);
        if (!read.IsSuccess)
        {
            Assert.Equal(HttpStatusCode.BadRequest, read.Error.Status);
            return 1;
        }

        foreach (var operation in read.Value)
        {
            var result = PatchEngine.Apply(resource, [operation], type);
            Assert.True(result.IsSuccess || result.Error.Status == HttpStatusCode.BadRequest, result.Error?.Detail);
        }

        var plan = GroupMembershipPatch.Split(read.Value);
        Assert.True(plan.IsSuccess || plan.Error.Status == HttpStatusCode.BadRequest);
        return 1;
    }
}
