using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Tests.Resources;

/// <summary>PUT (RFC 7644 section 3.5.1): read-only attributes kept, immutable ones protected, the rest replaced.</summary>
public sealed class ResourceReplacementTests
{
    private const string Urn = CustomResourceTypes.ExtensionUrn;

    private static readonly JsonObject StoredUser = JsonAssert.Object("""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "id": "2819c223",
          "userName": "bjensen",
          "nickName": "Babs",
          "groups": [{"value": "g1", "display": "Guides"}],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales"},
          "meta": {"resourceType": "User", "created": "2024-01-01T00:00:00Z", "version": "W/\"3\""}
        }
        """);

    private static JsonObject Normalized(string body, ResourceTypeDefinition? type = null) =>
        ResourceNormalizer.Normalize(JsonAssert.Object(body), type ?? ScimResourceTypes.User, ResourceWriteMode.Replace).GetValueOrThrow();

    [Fact]
    public void Read_only_attributes_come_from_the_stored_resource_and_the_rest_from_the_body()
    {
        var body = Normalized("""{"id": "forged", "userName": "bjensen", "displayName": "Barbara", "groups": [], "meta": {"version": "W/\"0\""}}""");

        var result = ResourceReplacement.Merge(StoredUser, body, ScimResourceTypes.User).GetValueOrThrow();

        JsonAssert.Equal(
            """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "id": "2819c223",
              "userName": "bjensen",
              "displayName": "Barbara",
              "groups": [{"value": "g1", "display": "Guides"}],
              "meta": {"resourceType": "User", "created": "2024-01-01T00:00:00Z", "version": "W/\"3\""}
            }
            """,
            result);
    }

    [Fact]
    public void Attributes_the_body_omits_are_cleared()
    {
        var result = ResourceReplacement.Merge(StoredUser, Normalized("""{"userName": "bjensen"}"""), ScimResourceTypes.User).GetValueOrThrow();

        Assert.False(result.ContainsKey("nickName"));
        Assert.False(result.ContainsKey(SchemaUris.EnterpriseUser));
    }

    [Fact]
    public void Id_follows_schemas_and_meta_comes_last()
    {
        var result = ResourceReplacement.Merge(StoredUser, Normalized("""{"userName": "bjensen", "title": "Guide"}"""), ScimResourceTypes.User).GetValueOrThrow();

        Assert.Equal(["schemas", "id", "userName", "title", "groups", "meta"], result.Select(p => p.Key));
    }

    [Fact]
    public void Stored_resource_and_body_are_not_modified()
    {
        var stored = (JsonObject)StoredUser.DeepClone();
        var body = Normalized("""{"userName": "other"}""");
        var bodyCopy = body.DeepClone();

        ResourceReplacement.Merge(stored, body, ScimResourceTypes.User);

        JsonAssert.Equal(StoredUser, stored);
        JsonAssert.Equal(bodyCopy, body);
    }

    [Fact]
    public void Immutable_attribute_changed_by_the_body_is_a_mutability_error()
    {
        var stored = JsonAssert.Object($$"""{"id": "1", "userName": "b", "{{Urn}}": {"badge": "B-7"} }""");

        var result = ResourceReplacement.Merge(stored, Normalized($$"""{"userName": "b", "{{Urn}}": {"badge": "B-8"} }""", CustomResourceTypes.User), CustomResourceTypes.User);

        Assert.Equal(ScimErrorTypes.Mutability, result.Error!.ScimType);
        Assert.Contains("badge", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Immutable_attribute_omitted_by_the_body_keeps_its_value()
    {
        var stored = JsonAssert.Object($$"""{"id": "1", "userName": "b", "{{Urn}}": {"badge": "B-7", "seats": 2} }""");

        var result = ResourceReplacement.Merge(stored, Normalized("""{"userName": "b"}""", CustomResourceTypes.User), CustomResourceTypes.User).GetValueOrThrow();

        JsonAssert.Equal("""{"badge": "B-7"}""", result[Urn]);
        JsonAssert.Equal($$"""["urn:ietf:params:scim:schemas:core:2.0:User", "{{Urn}}"]""", result["schemas"]);
    }

    [Fact]
    public void Immutable_attribute_set_for_the_first_time_or_to_its_value_is_accepted()
    {
        var fresh = JsonAssert.Object("""{"id": "1", "userName": "b"}""");
        var same = JsonAssert.Object($$"""{"id": "1", "userName": "b", "{{Urn}}": {"badge": "B-7"} }""");
        var body = Normalized($$"""{"userName": "b", "{{Urn}}": {"badge": "B-7"} }""", CustomResourceTypes.User);

        Assert.True(ResourceReplacement.Merge(fresh, body, CustomResourceTypes.User).IsSuccess);
        Assert.True(ResourceReplacement.Merge(same, body, CustomResourceTypes.User).IsSuccess);
    }

    [Fact]
    public void Read_only_extension_attribute_is_kept_from_the_stored_resource()
    {
        var stored = JsonAssert.Object($$"""{"id": "1", "userName": "b", "{{Urn}}": {"score": 42} }""");

        var result = ResourceReplacement.Merge(stored, Normalized($$"""{"userName": "b", "{{Urn}}": {"score": 1} }""", CustomResourceTypes.User), CustomResourceTypes.User).GetValueOrThrow();

        JsonAssert.Equal("""{"score": 42}""", result[Urn]);
    }

    [Fact]
    public void Group_members_may_change_on_put()
    {
        var stored = JsonAssert.Object("""{"id": "g1", "displayName": "Guides", "members": [{"value": "u1"}]}""");
        var body = Normalized("""{"displayName": "Guides", "members": [{"value": "u2"}]}""", ScimResourceTypes.Group);

        JsonAssert.Equal("""[{"value": "u2"}]""", ResourceReplacement.Merge(stored, body, ScimResourceTypes.Group).GetValueOrThrow()["members"]);
    }
}
