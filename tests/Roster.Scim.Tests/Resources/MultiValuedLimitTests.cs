using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Tests.Resources;

public sealed class MultiValuedLimitTests
{
    [Fact]
    public void A_resource_within_the_limit_passes()
    {
        Assert.Null(MultiValuedLimit.Check(null, User(("emails", 3), ("roles", 3)), ScimResourceTypes.User, 3));
    }

    [Theory]
    [InlineData("emails")]
    [InlineData("phoneNumbers")]
    [InlineData("addresses")]
    [InlineData("roles")]
    [InlineData("entitlements")]
    [InlineData("x509Certificates")]
    public void A_create_past_the_limit_is_invalidValue_naming_the_attribute(string attribute)
    {
        var error = MultiValuedLimit.Check(null, User((attribute, 4)), ScimResourceTypes.User, 3);

        Assert.Equal(ScimErrorTypes.InvalidValue, error?.ScimType);
        Assert.Contains($"'{attribute}' would hold 4 values; this server keeps at most 3", error!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_stored_past_the_limit_may_stay_or_shrink_but_not_grow()
    {
        var stored = User(("emails", 5));

        Assert.Null(MultiValuedLimit.Check(stored, User(("emails", 5)), ScimResourceTypes.User, 3));
        Assert.Null(MultiValuedLimit.Check(stored, User(("emails", 4)), ScimResourceTypes.User, 3));
        Assert.NotNull(MultiValuedLimit.Check(stored, User(("emails", 6)), ScimResourceTypes.User, 3));
    }

    [Fact]
    public void Read_only_groups_are_derived_and_not_counted()
    {
        Assert.Null(MultiValuedLimit.Check(null, User(("groups", 10)), ScimResourceTypes.User, 3));
    }

    private static JsonObject User(params (string Attribute, int Count)[] values)
    {
        var user = new JsonObject { ["schemas"] = new JsonArray(SchemaUris.User), ["userName"] = "u" };
        foreach (var (attribute, count) in values)
        {
            user[attribute] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["value"] = $"v{i}" })]);
        }

        return user;
    }
}
