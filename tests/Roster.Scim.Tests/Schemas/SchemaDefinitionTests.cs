using System.Text.Json;
using System.Text.Json.Nodes;

using Roster.Scim.Filtering;
using Roster.Scim.Schemas;
using Roster.Scim.Tests.Resources;

namespace Roster.Scim.Tests.Schemas;

/// <summary>
/// The built-in schemas against <c>rfc7643-attributes.json</c>, a table of every attribute and
/// sub-attribute of RFC 7643 section 8.7.1 (and the common attributes of section 3.1) with its
/// characteristics, written from the RFC independently of the schema code.
/// </summary>
public sealed class SchemaDefinitionTests
{
    private static readonly JsonObject Expected = LoadExpected();

    public static TheoryData<string> SchemaUrns() =>
        [SchemaUris.User, SchemaUris.Group, SchemaUris.EnterpriseUser];

    [Theory]
    [MemberData(nameof(SchemaUrns))]
    public void Schema_has_every_rfc_attribute_in_rfc_order_and_no_other(string urn)
    {
        var schema = ScimSchemas.Find(urn);
        Assert.NotNull(schema);
        Assert.Equal(Expected[urn]!.AsObject().Select(p => p.Key), schema.Attributes.Select(a => a.Name));
    }

    [Theory]
    [MemberData(nameof(SchemaUrns))]
    public void Every_attribute_has_the_rfc_characteristics(string urn) =>
        AssertAttributes(Expected[urn]!.AsObject(), ScimSchemas.Find(urn)!.Attributes, urn);

    [Fact]
    public void Common_attributes_have_the_rfc_characteristics()
    {
        Assert.Equal(Expected["common"]!.AsObject().Select(p => p.Key), CommonAttributeDefinitions.All.Select(a => a.Name));
        AssertAttributes(Expected["common"]!.AsObject(), CommonAttributeDefinitions.All, "common");
    }

    [Fact]
    public void Every_attribute_and_sub_attribute_has_a_description()
    {
        foreach (var schema in ScimSchemas.All)
        {
            foreach (var attribute in schema.Attributes.Concat(CommonAttributeDefinitions.All))
            {
                Assert.False(string.IsNullOrWhiteSpace(attribute.Description), $"{schema.Name}.{attribute.Name}");
                Assert.All(attribute.SubAttributes, s => Assert.False(string.IsNullOrWhiteSpace(s.Description), $"{schema.Name}.{attribute.Name}.{s.Name}"));
            }
        }
    }

    [Fact]
    public void Schemas_have_the_rfc_ids_names_and_descriptions()
    {
        Assert.Equal(("User", "User Account"), (ScimSchemas.User.Name, ScimSchemas.User.Description));
        Assert.Equal(("Group", "Group"), (ScimSchemas.Group.Name, ScimSchemas.Group.Description));
        Assert.Equal(("EnterpriseUser", "Enterprise User"), (ScimSchemas.EnterpriseUser.Name, ScimSchemas.EnterpriseUser.Description));
        Assert.Equal(SchemaUris.EnterpriseUser, ScimSchemas.EnterpriseUser.Id);
    }

    [Fact]
    public void User_name_description_is_the_rfc_text() =>
        Assert.StartsWith(
            "Unique identifier for the User, typically used by the user to directly authenticate to the service provider.",
            ScimSchemas.User.FindAttribute("userName")!.Description,
            StringComparison.Ordinal);

    [Fact]
    public void User_resource_type_has_the_optional_enterprise_extension()
    {
        var user = ScimResourceTypes.User;
        Assert.Equal(("User", "/Users"), (user.Name, user.Endpoint));
        Assert.Same(ScimSchemas.User, user.Schema);
        var (schema, required) = Assert.Single(user.Extensions);
        Assert.Same(ScimSchemas.EnterpriseUser, schema);
        Assert.False(required);
    }

    [Fact]
    public void Group_resource_type_has_no_extension()
    {
        var group = ScimResourceTypes.Group;
        Assert.Equal(("Group", "/Groups"), (group.Name, group.Endpoint));
        Assert.Same(ScimSchemas.Group, group.Schema);
        Assert.Empty(group.Extensions);
    }

    [Theory]
    [InlineData(null, "meta", "lastModified", "lastModified")]
    [InlineData(null, "META", "created", "created")]
    [InlineData(null, "id", null, "id")]
    [InlineData(null, "externalId", null, "externalId")]
    [InlineData(SchemaUris.User, "id", null, "id")]
    [InlineData(null, "name", "givenName", "givenName")]
    [InlineData(null, "emails", "value", "value")]
    [InlineData(SchemaUris.EnterpriseUser, "manager", "value", "value")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user", "employeeNumber", null, "employeeNumber")]
    public void User_paths_resolve(string? urn, string name, string? sub, string target) =>
        Assert.Equal(target, ScimResourceTypes.User.Resolve(new AttributePath(urn, name, sub))?.Target.Name);

    [Fact]
    public void Meta_last_modified_resolves_as_a_read_only_date_time()
    {
        var resolution = ScimResourceTypes.User.Resolve(new AttributePath(null, "meta", "lastModified"))!;
        Assert.Equal(AttributeType.DateTime, resolution.Target.Type);
        Assert.Equal(Mutability.ReadOnly, resolution.Attribute.Mutability);
        Assert.True(resolution.IsCoreSchema(ScimResourceTypes.User));
    }

    [Fact]
    public void Group_resolves_common_attributes_and_members() =>
        Assert.All(
            new[] { new AttributePath(null, "id"), new AttributePath(null, "meta", "version"), new AttributePath(null, "members", "value"), new AttributePath(SchemaUris.Group, "displayName") },
            path => Assert.NotNull(ScimResourceTypes.Group.Resolve(path)));

    [Theory]
    [InlineData(null, "favoriteColor", null)]
    [InlineData(null, "name", "nickname")]
    [InlineData(SchemaUris.EnterpriseUser, "id", null)]
    [InlineData(SchemaUris.Group, "members", null)]
    [InlineData("urn:example:params:scim:schemas:extension:acme:1.0:User", "badge", null)]
    public void Unknown_user_paths_do_not_resolve(string? urn, string name, string? sub) =>
        Assert.Null(ScimResourceTypes.User.Resolve(new AttributePath(urn, name, sub)));

    private static void AssertAttributes(JsonObject expected, IReadOnlyList<AttributeDefinition> actual, string where)
    {
        foreach (var (name, expectedAttribute) in expected)
        {
            var attribute = actual.FirstOrDefault(a => a.Name == name);
            Assert.True(attribute is not null, $"{where}.{name} is missing");
            var expectedCharacteristics = expectedAttribute!.AsObject().DeepClone().AsObject();
            var expectedSubs = expectedCharacteristics["subAttributes"]?.AsObject();
            expectedCharacteristics.Remove("subAttributes");
            try
            {
                JsonAssert.Equal(expectedCharacteristics, Characteristics(attribute));
            }
            catch (Xunit.Sdk.XunitException e)
            {
                throw new Xunit.Sdk.XunitException($"{where}.{name}: {e.Message}");
            }

            if (expectedSubs is null)
            {
                Assert.True(attribute.SubAttributes.Count == 0, $"{where}.{name} has unexpected sub-attributes");
            }
            else
            {
                Assert.Equal(expectedSubs.Select(p => p.Key), attribute.SubAttributes.Select(s => s.Name));
                AssertAttributes(expectedSubs, attribute.SubAttributes, $"{where}.{name}");
            }
        }
    }

    private static JsonObject Characteristics(AttributeDefinition attribute) => new()
    {
        ["type"] = Camel(attribute.Type.ToString()),
        ["multiValued"] = attribute.MultiValued,
        ["required"] = attribute.Required,
        ["caseExact"] = attribute.CaseExact,
        ["mutability"] = Camel(attribute.Mutability.ToString()),
        ["returned"] = Camel(attribute.Returned.ToString()),
        ["uniqueness"] = Camel(attribute.Uniqueness.ToString()),
        ["canonicalValues"] = new JsonArray([.. attribute.CanonicalValues.Select(v => (JsonNode)v)]),
        ["referenceTypes"] = new JsonArray([.. attribute.ReferenceTypes.Select(v => (JsonNode)v)]),
    };

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static JsonObject LoadExpected() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "rfc7643-attributes.json")))!.AsObject();
}
