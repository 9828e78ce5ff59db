using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Projection;
using Roster.Scim.Schemas;
using Roster.Scim.Tests.Builders;

namespace Roster.Scim.Tests.Projection;

public sealed class AttributeProjectionTests
{
    private const string Enterprise = SchemaUris.EnterpriseUser;
    private const string Custom = TestSchemas.CustomUrn;

    private static JsonObject Jensen() => new()
    {
        ["schemas"] = new JsonArray(SchemaUris.User, Enterprise, Custom),
        ["id"] = "2819c223",
        ["externalId"] = "bjensen-ext",
        ["userName"] = "bjensen",
        ["name"] = new JsonObject { ["givenName"] = "Barbara", ["familyName"] = "Jensen" },
        ["password"] = "t1meMa$heen",
        ["emails"] = new JsonArray(
            new JsonObject { ["value"] = "bjensen@example.com", ["type"] = "work", ["primary"] = true },
            new JsonObject { ["value"] = "babs@jensen.org", ["type"] = "home" }),
        ["x-idp-attribute"] = "kept by default",
        ["meta"] = new JsonObject { ["resourceType"] = "User", ["lastModified"] = "2011-05-13T04:42:34Z" },
        [Enterprise] = new JsonObject { ["employeeNumber"] = "701984", ["manager"] = new JsonObject { ["value"] = "26118915" } },
        [Custom] = new JsonObject { ["loginCount"] = 42, ["secretNote"] = "likes boats", ["apiKey"] = "secret" },
    };

    private static JsonObject Apply(string? attributes, string? excludedAttributes, JsonObject? resource = null)
    {
        var projection = AttributeProjection.Parse(attributes, excludedAttributes);
        Assert.True(projection.IsSuccess, projection.Error?.Detail);
        return projection.Value.Apply(resource ?? Jensen(), TestSchemas.UserType);
    }

    private static string[] Keys(JsonObject obj) => obj.Select(p => p.Key).ToArray();

    [Fact]
    public void Default_returns_default_and_always_attributes_but_not_never_or_request_ones()
    {
        var result = AttributeProjection.Default.Apply(Jensen(), TestSchemas.UserType);

        Assert.Equal(["schemas", "id", "externalId", "userName", "name", "emails", "x-idp-attribute", "meta", Enterprise, Custom], Keys(result));
        Assert.Equal(["loginCount"], Keys(result[Custom]!.AsObject()));
    }

    [Fact]
    public void Attributes_return_only_what_is_named_plus_id_and_schemas()
    {
        Assert.Equal(["schemas", "id", "userName"], Keys(Apply("userName", null)));
    }

    [Fact]
    public void Attribute_names_ignore_case()
    {
        var result = Apply("USERNAME, Name.GivenName", null);

        Assert.Equal(["schemas", "id", "userName", "name"], Keys(result));
        Assert.Equal(["givenName"], Keys(result["name"]!.AsObject()));
    }

    [Fact]
    public void Sub_attributes_select_parts_of_each_element()
    {
        var result = Apply("name.givenName,emails.value", null);

        Assert.Equal("""{"givenName":"Barbara"}""", result["name"]!.ToJsonString());
        Assert.Equal("""[{"value":"bjensen@example.com"},{"value":"babs@jensen.org"}]""", result["emails"]!.ToJsonString());
    }

    [Fact]
    public void Elements_left_empty_by_a_sub_attribute_selection_are_dropped()
    {
        Assert.False(Apply("emails.display", null).ContainsKey("emails"));
    }

    [Fact]
    public void Extension_attribute_is_selected_by_its_qualified_name()
    {
        var result = Apply($"{Enterprise}:employeeNumber", null);

        Assert.Equal(["schemas", "id", Enterprise], Keys(result));
        Assert.Equal("""{"employeeNumber":"701984"}""", result[Enterprise]!.ToJsonString());
    }

    [Fact]
    public void Whole_extension_is_selected_by_its_urn()
    {
        var result = Apply(Enterprise, null);

        Assert.Equal(["schemas", "id", Enterprise], Keys(result));
        Assert.Equal(["employeeNumber", "manager"], Keys(result[Enterprise]!.AsObject()));
    }

    [Fact]
    public void Core_schema_urn_selects_every_default_core_attribute()
    {
        var result = Apply(SchemaUris.User, null);

        Assert.Equal(["schemas", "id", "externalId", "userName", "name", "emails", "x-idp-attribute", "meta"], Keys(result));
    }

    [Fact]
    public void Schema_urn_of_any_shape_selects_the_extension_the_resource_type_declares()
    {
        var extension = new SchemaDefinition
        {
            Id = "urn:example:scim:employee",
            Name = "Employee",
            Attributes = [new AttributeDefinition { Name = "badge", Type = AttributeType.String }],
        };
        var type = TestSchemas.UserType with { Extensions = [(extension, false)] };
        var resource = new JsonObject { ["id"] = "1", ["userName"] = "x", ["urn:example:scim:employee"] = new JsonObject { ["badge"] = "b" } };

        var result = AttributeProjection.Parse("urn:example:scim:employee", null).GetValueOrThrow().Apply(resource, type);

        Assert.Equal(["id", "urn:example:scim:employee"], Keys(result));
    }

    [Fact]
    public void Excluded_attributes_drop_default_ones_and_sub_attributes()
    {
        var result = Apply(null, "emails,meta,name.familyName");

        Assert.False(result.ContainsKey("emails"));
        Assert.False(result.ContainsKey("meta"));
        Assert.Equal("""{"givenName":"Barbara"}""", result["name"]!.ToJsonString());
    }

    [Fact]
    public void Always_attributes_cannot_be_excluded()
    {
        var result = Apply(null, "id,schemas");

        Assert.True(result.ContainsKey("id"));
        Assert.True(result.ContainsKey("schemas"));
    }

    [Fact]
    public void Excluding_an_extension_urn_drops_the_extension()
    {
        Assert.False(Apply(null, Enterprise).ContainsKey(Enterprise));
    }

    [Fact]
    public void Request_attribute_is_returned_only_when_named()
    {
        Assert.Equal("likes boats", Apply($"{Custom}:secretNote", null)[Custom]!["secretNote"]!.GetValue<string>());
        Assert.False(Apply(Custom, null)[Custom]!.AsObject().ContainsKey("secretNote"));
        Assert.False(Apply(null, "userName")[Custom]!.AsObject().ContainsKey("secretNote"));
    }

    [Fact]
    public void Never_attribute_is_not_returned_even_when_named()
    {
        var result = Apply($"password,{Custom}:apiKey", null);

        Assert.Equal(["schemas", "id"], Keys(result));
    }

    [Fact]
    public void Password_of_the_built_in_user_schema_is_never_returned()
    {
        var result = AttributeProjection.Default.Apply(Jensen(), ScimResourceTypes.User);

        Assert.False(result.ContainsKey("password"));
        Assert.True(result.ContainsKey("userName"));
    }

    [Fact]
    public void Apply_leaves_the_resource_untouched_and_shares_no_nodes()
    {
        var resource = Jensen();
        var before = resource.ToJsonString();

        var result = AttributeProjection.Default.Apply(resource, TestSchemas.UserType);
        result["name"]!["givenName"] = "changed";

        Assert.Equal(before, resource.ToJsonString());
    }

    [Fact]
    public void Attributes_and_excluded_attributes_together_are_rejected()
    {
        var result = AttributeProjection.Parse("userName", "emails");

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidValue, result.Error.ScimType);
        Assert.Contains("cannot be used together", result.Error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name.givenName.first", null, "attributes: ")]
    [InlineData(null, "emails[type eq \"work\"]", "excludedAttributes: ")]
    public void Invalid_entry_is_an_invalid_value(string? attributes, string? excluded, string prefix)
    {
        var result = AttributeProjection.Parse(attributes, excluded);

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidValue, result.Error.ScimType);
        Assert.StartsWith(prefix, result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_filter_in_attributes_returns_the_whole_attribute()
    {
        var whole = Apply("emails[type eq \"work\"]", null);
        var values = Apply("emails[type eq \"work\"].value", null);

        Assert.Equal(["schemas", "id", "emails"], Keys(whole));
        Assert.Equal(2, whole["emails"]!.AsArray().Count);
        Assert.Equal(["value"], Keys(values["emails"]![0]!.AsObject()));
    }

    [Theory]
    [InlineData("emails[type eq \"work\"")]
    [InlineData("emails[type eq]")]
    [InlineData("emails[type eq \"work\"]x")]
    public void A_malformed_value_filter_in_attributes_is_an_invalid_value(string attributes)
    {
        var result = AttributeProjection.Parse(attributes, null);

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidValue, result.Error.ScimType);
        Assert.StartsWith("attributes: Invalid attribute path", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_lists_and_empty_entries_give_the_default_projection()
    {
        Assert.Same(AttributeProjection.Default, AttributeProjection.Parse(null, " , ").GetValueOrThrow());
        Assert.True(AttributeProjection.Default.IsDefault);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "members", false)]
    [InlineData(null, "MEMBERS", false)]
    [InlineData(null, "urn:ietf:params:scim:schemas:core:2.0:Group:members", false)]
    [InlineData(null, "members.display", true)]
    [InlineData("displayName", null, false)]
    [InlineData("displayName,members", null, true)]
    [InlineData("members.value", null, true)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group", null, true)]
    public void May_return_tells_whether_members_need_loading(string? attributes, string? excluded, bool expected)
    {
        Assert.Equal(expected, AttributeProjection.Parse(attributes, excluded).GetValueOrThrow().MayReturn("members"));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(null, "displayName", false)]
    [InlineData("displayName", null, false)]
    [InlineData("displayName,members", null, true)]
    [InlineData("MEMBERS", null, true)]
    [InlineData("members.value", null, true)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:members", null, true)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group", null, true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", null, false)]
    [InlineData("urn:example:custom:2.0:Group:members", null, false)]
    public void Names_tells_whether_attributes_asks_for_members(string? attributes, string? excluded, bool expected)
    {
        Assert.Equal(expected, AttributeProjection.Parse(attributes, excluded).GetValueOrThrow().Names("members"));
    }
}
