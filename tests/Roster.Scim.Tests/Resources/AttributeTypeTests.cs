using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Patching;
using Roster.Scim.Resources;

namespace Roster.Scim.Tests.Resources;

/// <summary>Type checks of RFC 7643 section 2.3 for the types the built-in schemas do not let a client write.</summary>
public sealed class AttributeTypeTests
{
    private const string Urn = CustomResourceTypes.ExtensionUrn;

    private static ScimResult<JsonObject> Normalize(string extensionJson) =>
        ResourceNormalizer.Normalize(JsonAssert.Object($$"""{"userName": "b", "{{Urn}}": {{extensionJson}}}"""), CustomResourceTypes.User, ResourceWriteMode.Create);

    [Theory]
    [InlineData("""{"seats": 3}""")]
    [InlineData("""{"seats": 3.0}""")]
    [InlineData("""{"rate": 1.25}""")]
    [InlineData("""{"rate": 2}""")]
    [InlineData("""{"hiredOn": "2008-01-23T04:56:22Z"}""")]
    [InlineData("""{"hiredOn": "2008-01-23T04:56:22.123+02:00"}""")]
    [InlineData("""{"tags": ["a", "b"]}""")]
    public void Well_typed_values_are_accepted(string extension)
    {
        var result = Normalize(extension);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        JsonAssert.Equal(extension, result.Value[Urn]);
    }

    [Theory]
    [InlineData("""{"seats": 3.5}""", "seats")]
    [InlineData("""{"seats": "3"}""", "seats")]
    [InlineData("""{"rate": "1.25"}""", "rate")]
    [InlineData("""{"rate": true}""", "rate")]
    [InlineData("""{"hiredOn": "yesterday"}""", "hiredOn")]
    [InlineData("""{"hiredOn": 20080123}""", "hiredOn")]
    [InlineData("""{"tags": [1]}""", "tags")]
    public void Ill_typed_values_are_invalid_value_naming_the_attribute(string extension, string attribute)
    {
        var result = Normalize(extension);
        Assert.Equal(ScimErrorTypes.InvalidValue, result.Error!.ScimType);
        Assert.Contains($"{Urn}:{attribute}", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Primitive_multi_valued_attribute_given_one_value_is_wrapped() =>
        JsonAssert.Equal("""{"tags": ["a"]}""", Normalize("""{"tags": "a"}""").GetValueOrThrow()[Urn]);

    [Fact]
    public void Read_only_extension_attribute_is_dropped() =>
        JsonAssert.Equal("""{"seats": 1}""", Normalize("""{"seats": 1, "score": 99}""").GetValueOrThrow()[Urn]);

    [Fact]
    public void Missing_required_extension_is_invalid_value_naming_it()
    {
        var result = ResourceNormalizer.Normalize(JsonAssert.Object("""{"userName": "b"}"""), CustomResourceTypes.UserRequiringExtension, ResourceWriteMode.Create);
        Assert.Equal(ScimErrorTypes.InvalidValue, result.Error!.ScimType);
        Assert.Contains(Urn, result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Patch_add_to_primitive_multi_valued_attribute_skips_duplicates()
    {
        var resource = JsonAssert.Object($$"""{"userName": "b", "{{Urn}}": {"tags": ["a"]} }""");
        var operations = new[] { new PatchOperation(PatchOperationType.Add, PatchPathParser.Parse($"{Urn}:tags").GetValueOrThrow(), new JsonArray("a", "b")) };

        var result = PatchEngine.Apply(resource, operations, CustomResourceTypes.User).GetValueOrThrow();

        JsonAssert.Equal("""["a", "b"]""", result[Urn]!["tags"]);
    }

    [Fact]
    public void Patch_of_immutable_attribute_without_value_sets_it()
    {
        var resource = JsonAssert.Object("""{"userName": "b"}""");
        var operations = new[] { new PatchOperation(PatchOperationType.Add, PatchPathParser.Parse($"{Urn}:badge").GetValueOrThrow(), JsonValue.Create("B-7")) };

        Assert.Equal("B-7", PatchEngine.Apply(resource, operations, CustomResourceTypes.User).GetValueOrThrow()[Urn]!["badge"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(PatchOperationType.Replace, "\"B-8\"")]
    [InlineData(PatchOperationType.Replace, "null")]
    [InlineData(PatchOperationType.Remove, "null")]
    public void Patch_changing_or_removing_a_set_immutable_attribute_is_a_mutability_error(PatchOperationType type, string value)
    {
        var resource = JsonAssert.Object($$"""{"userName": "b", "{{Urn}}": {"badge": "B-7"} }""");
        var operations = new[] { new PatchOperation(type, PatchPathParser.Parse($"{Urn}:badge").GetValueOrThrow(), JsonNode.Parse(value)) };

        Assert.Equal(ScimErrorTypes.Mutability, PatchEngine.Apply(resource, operations, CustomResourceTypes.User).Error!.ScimType);
    }

    [Fact]
    public void Patch_setting_an_immutable_attribute_to_its_value_is_allowed()
    {
        var resource = JsonAssert.Object($$"""{"userName": "b", "{{Urn}}": {"badge": "B-7"} }""");
        var operations = new[] { new PatchOperation(PatchOperationType.Replace, PatchPathParser.Parse($"{Urn}:badge").GetValueOrThrow(), JsonValue.Create("B-7")) };

        Assert.True(PatchEngine.Apply(resource, operations, CustomResourceTypes.User).IsSuccess);
    }
}
