using System.Text.Json.Nodes;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Tests.Hostile;

/// <summary>A stored User and Group, as normalised documents with their read-only id and meta, for PATCH properties.</summary>
internal static class StoredResources
{
    public static JsonObject User() => Stored(
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "userName":"bjensen@example.com","name":{"givenName":"Barbara","familyName":"Jensen"},"displayName":"Babs","active":true,
         "emails":[{"value":"bjensen@example.com","type":"work","primary":true},{"value":"babs@home.example","type":"home"}],
         "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}],"roles":[{"value":"Admin"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"701984","manager":{"value":"26118915-6090-4b8c-9b43-2a7d3a1f0f59"}}}
        """,
        ScimResourceTypes.User);

    public static JsonObject Group() => Stored(
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Tour Guides",
         "members":[{"value":"2819c223-7f76-453a-919d-413861904646","type":"User"}]}
        """,
        ScimResourceTypes.Group);

    private static JsonObject Stored(string json, ResourceTypeDefinition type)
    {
        var document = ResourceNormalizer.Normalize(JsonNode.Parse(json)!.AsObject(), type, ResourceWriteMode.Create).GetValueOrThrow();
        document["id"] = "8c1a5c1e-5a1b-4c1e-9d1e-0a1b2c3d4e5f";
        document["meta"] = new JsonObject { ["resourceType"] = type.Name, ["created"] = "2026-01-01T00:00:00Z", ["version"] = "W/\"1\"" };
        return document;
    }
}
