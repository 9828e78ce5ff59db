using System.Text.Json.Nodes;

using Roster.Scim.Discovery;
using Roster.Scim.Schemas;
using Roster.Scim.Tests.Resources;

namespace Roster.Scim.Tests.Schemas;

/// <summary>The /Schemas (RFC 7643 section 7), /ResourceTypes (section 6) and /ServiceProviderConfig (section 5) documents.</summary>
public sealed class DiscoveryDocumentTests
{
    private const string BaseUrl = "https://roster.example/scim/v2/6d5fb9a2-2c43-4f3e-8f7e-3b1f0a9c2d11";

    private static readonly string[] CharacteristicKeys =
        ["name", "type", "multiValued", "description", "required", "caseExact", "mutability", "returned", "uniqueness"];

    [Fact]
    public void Schema_document_has_the_schema_resource_shape()
    {
        var document = SchemaDocumentWriter.Write(ScimSchemas.User, BaseUrl);

        JsonAssert.Equal("""["urn:ietf:params:scim:schemas:core:2.0:Schema"]""", document["schemas"]);
        Assert.Equal(SchemaUris.User, document["id"]!.GetValue<string>());
        Assert.Equal("User", document["name"]!.GetValue<string>());
        Assert.Equal("User Account", document["description"]!.GetValue<string>());
        JsonAssert.Equal(
            $$"""{"resourceType": "Schema", "location": "{{BaseUrl}}/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"}""",
            document["meta"]);
        Assert.Equal(ScimSchemas.User.Attributes.Count, document["attributes"]!.AsArray().Count);
    }

    [Fact]
    public void Base_url_with_trailing_slash_gives_the_same_location() =>
        Assert.Equal(
            SchemaDocumentWriter.Write(ScimSchemas.Group, BaseUrl)["meta"]!["location"]!.GetValue<string>(),
            SchemaDocumentWriter.Write(ScimSchemas.Group, BaseUrl + "/")["meta"]!["location"]!.GetValue<string>());

    [Fact]
    public void Every_attribute_is_written_with_every_characteristic()
    {
        foreach (var schema in ScimSchemas.All)
        {
            foreach (var attribute in AllAttributes(SchemaDocumentWriter.Write(schema, BaseUrl)["attributes"]!.AsArray()))
            {
                Assert.All(CharacteristicKeys, key => Assert.True(attribute.ContainsKey(key), $"{schema.Name}.{attribute["name"]} lacks {key}"));
            }
        }
    }

    [Fact]
    public void Schema_documents_agree_with_the_rfc_table()
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "rfc7643-attributes.json")))!;
        foreach (var schema in ScimSchemas.All)
        {
            AssertAgrees(expected[schema.Id]!.AsObject(), SchemaDocumentWriter.Write(schema, BaseUrl)["attributes"]!.AsArray(), schema.Name);
        }
    }

    [Fact]
    public void Emails_are_written_with_sub_attributes_and_canonical_types()
    {
        var emails = SchemaDocumentWriter.Write(ScimSchemas.User, BaseUrl)["attributes"]!.AsArray()
            .Single(a => a!["name"]!.GetValue<string>() == "emails")!;

        Assert.Equal("complex", emails["type"]!.GetValue<string>());
        Assert.True(emails["multiValued"]!.GetValue<bool>());
        var type = emails["subAttributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "type")!;
        JsonAssert.Equal("""["work", "home", "other"]""", type["canonicalValues"]);
    }

    [Fact]
    public void Reference_attributes_are_written_with_reference_types()
    {
        var members = SchemaDocumentWriter.Write(ScimSchemas.Group, BaseUrl)["attributes"]!.AsArray()
            .Single(a => a!["name"]!.GetValue<string>() == "members")!;
        var reference = members["subAttributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "$ref")!;

        Assert.Equal("reference", reference["type"]!.GetValue<string>());
        Assert.Equal("immutable", reference["mutability"]!.GetValue<string>());
        JsonAssert.Equal("""["User", "Group"]""", reference["referenceTypes"]);
    }

    [Fact]
    public void Password_is_written_write_only_and_never_returned()
    {
        var password = SchemaDocumentWriter.Write(ScimSchemas.User, BaseUrl)["attributes"]!.AsArray()
            .Single(a => a!["name"]!.GetValue<string>() == "password")!;
        Assert.Equal(("writeOnly", "never"), (password["mutability"]!.GetValue<string>(), password["returned"]!.GetValue<string>()));
    }

    [Fact]
    public void User_resource_type_document() =>
        JsonAssert.Equal(
            $$"""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
              "id": "User",
              "name": "User",
              "endpoint": "/Users",
              "description": "User Account",
              "schema": "urn:ietf:params:scim:schemas:core:2.0:User",
              "schemaExtensions": [{"schema": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "required": false}],
              "meta": {"resourceType": "ResourceType", "location": "{{BaseUrl}}/ResourceTypes/User"}
            }
            """,
            ResourceTypeDocumentWriter.Write(ScimResourceTypes.User, BaseUrl));

    [Fact]
    public void Group_resource_type_document_has_no_extensions() =>
        JsonAssert.Equal(
            $$"""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
              "id": "Group",
              "name": "Group",
              "endpoint": "/Groups",
              "description": "Group",
              "schema": "urn:ietf:params:scim:schemas:core:2.0:Group",
              "meta": {"resourceType": "ResourceType", "location": "{{BaseUrl}}/ResourceTypes/Group"}
            }
            """,
            ResourceTypeDocumentWriter.Write(ScimResourceTypes.Group, BaseUrl));

    [Fact]
    public void Service_provider_config_with_default_options() =>
        JsonAssert.Equal(
            $$"""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
              "patch": {"supported": true},
              "bulk": {"supported": false, "maxOperations": 1000, "maxPayloadSize": 1048576},
              "filter": {"supported": true, "maxResults": 1000},
              "changePassword": {"supported": false},
              "sort": {"supported": true},
              "etag": {"supported": true},
              "pagination": {
                "cursor": true,
                "index": true,
                "defaultPaginationMethod": "index",
                "defaultPageSize": 100,
                "maxPageSize": 1000,
                "cursorTimeout": 3600
              },
              "authenticationSchemes": [{
                "type": "oauthbearertoken",
                "name": "OAuth Bearer Token",
                "description": "Authentication with a SCIM bearer token or an OAuth 2.0 access token, sent in the Authorization header.",
                "specUri": "https://www.rfc-editor.org/info/rfc6750",
                "primary": true
              }],
              "meta": {"resourceType": "ServiceProviderConfig", "location": "{{BaseUrl}}/ServiceProviderConfig"}
            }
            """,
            ServiceProviderConfigDocument.Write(new ServiceProviderConfigOptions(), BaseUrl));

    [Fact]
    public void Service_provider_config_reflects_its_options()
    {
        var options = new ServiceProviderConfigOptions
        {
            DocumentationUri = new Uri("https://roster.example/docs/scim"),
            FilterMaxResults = 200,
            BulkMaxOperations = 50,
            BulkMaxPayloadSize = 65536,
            DefaultPaginationMethod = "cursor",
            DefaultPageSize = 25,
            MaxPageSize = 200,
            CursorTimeoutSeconds = 600,
            Limits = new ServiceProviderLimits
            {
                MaxFilterLength = 2000,
                MaxFilterDepth = 16,
                MaxFilterTerms = 50,
                QueryTimeoutMilliseconds = 750,
                MaxValuesPerAttribute = 20,
                MaxMembersPerPage = 300,
            },
            AuthenticationSchemes =
            [
                AuthenticationSchemeDescription.OAuthBearerToken with { DocumentationUri = new Uri("https://roster.example/docs/tokens") },
            ],
        };
        var document = ServiceProviderConfigDocument.Write(options, BaseUrl);

        Assert.Equal("https://roster.example/docs/scim", document["documentationUri"]!.GetValue<string>());
        JsonAssert.Equal("""{"supported": true, "maxResults": 200}""", document["filter"]);
        JsonAssert.Equal("""{"supported": false, "maxOperations": 50, "maxPayloadSize": 65536}""", document["bulk"]);
        JsonAssert.Equal(
            """{"cursor": true, "index": true, "defaultPaginationMethod": "cursor", "defaultPageSize": 25, "maxPageSize": 200, "cursorTimeout": 600}""",
            document["pagination"]);
        Assert.Equal("https://roster.example/docs/tokens", document["authenticationSchemes"]![0]!["documentationUri"]!.GetValue<string>());
        JsonAssert.Equal(
            """["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", "urn:roster:params:scim:schemas:extension:limits:2.0:ServiceProviderConfig"]""",
            document["schemas"]);
        JsonAssert.Equal(
            """{"maxFilterLength": 2000, "maxFilterDepth": 16, "maxFilterTerms": 50, "queryTimeoutMilliseconds": 750, "maxValuesPerAttribute": 20, "maxMembersPerPage": 300}""",
            document[ServiceProviderLimits.SchemaUri]);
    }

    private static IEnumerable<JsonObject> AllAttributes(JsonArray attributes)
    {
        foreach (var attribute in attributes.Select(a => a!.AsObject()))
        {
            yield return attribute;
            if (attribute["subAttributes"] is JsonArray subs)
            {
                foreach (var sub in AllAttributes(subs))
                {
                    yield return sub;
                }
            }
        }
    }

    private static void AssertAgrees(JsonObject expected, JsonArray written, string where)
    {
        Assert.Equal(expected.Select(p => p.Key), written.Select(a => a!["name"]!.GetValue<string>()));
        foreach (var attribute in written.Select(a => a!.AsObject()))
        {
            var name = attribute["name"]!.GetValue<string>();
            var table = expected[name]!.AsObject();
            foreach (var key in new[] { "type", "multiValued", "required", "caseExact", "mutability", "returned", "uniqueness" })
            {
                Assert.True(JsonNode.DeepEquals(table[key], attribute[key]), $"{where}.{name}.{key}: expected {table[key]}, written {attribute[key]}");
            }

            Assert.True(
                JsonNode.DeepEquals(table["canonicalValues"], attribute["canonicalValues"] ?? new JsonArray()),
                $"{where}.{name}.canonicalValues");
            Assert.True(
                JsonNode.DeepEquals(table["referenceTypes"], attribute["referenceTypes"] ?? new JsonArray()),
                $"{where}.{name}.referenceTypes");
            if (table["subAttributes"] is JsonObject subs)
            {
                AssertAgrees(subs, attribute["subAttributes"]!.AsArray(), $"{where}.{name}");
            }
        }
    }
}
