using System.Buffers;
using System.Text.Json;

namespace Roster.Bench.Scim;

/// <summary>The request bodies an IdP sends (RFC 7643 resources, RFC 7644 PatchOp), written straight to UTF-8.</summary>
internal static class ScimRequestBody
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public static byte[] CreateUser(string userName, string externalId, int index)
    {
        return Write(writer =>
        {
            WriteSchemas(writer, UserSchema);
            writer.WriteString("userName", userName);
            writer.WriteStartObject("name");
            writer.WriteString("givenName", "Bench");
            writer.WriteString("familyName", $"User{index}");
            writer.WriteEndObject();
            writer.WriteStartArray("emails");
            writer.WriteStartObject();
            writer.WriteString("value", userName);
            writer.WriteString("type", "work");
            writer.WriteBoolean("primary", true);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteBoolean("active", true);
            writer.WriteString("externalId", externalId);
        });
    }

    public static byte[] CreateGroup(string displayName)
    {
        return Write(writer =>
        {
            WriteSchemas(writer, GroupSchema);
            writer.WriteString("displayName", displayName);
        });
    }

    /// <summary>
    /// Okta-style deactivation, as in Okta's SCIM 2.0 reference: lower-case op, no path, and the
    /// attribute inside an object value (<c>{"op":"replace","value":{"active":false}}</c>).
    /// </summary>
    public static byte[] DeactivateUser()
    {
        return PatchOp(writer =>
        {
            writer.WriteString("op", "replace");
            writer.WriteStartObject("value");
            writer.WriteBoolean("active", false);
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// Microsoft Entra ID sends capitalised op names ("Replace", "Add"), as in the request examples of
    /// Microsoft's guide to building a SCIM endpoint for Entra provisioning; RFC 7644 writes them lower-case.
    /// </summary>
    public static byte[] RenameUserEntraStyle(string givenName)
    {
        return PatchOp(writer =>
        {
            writer.WriteString("op", "Replace");
            writer.WriteString("path", "name.givenName");
            writer.WriteString("value", givenName);
        });
    }

    public static byte[] AddMembers(IEnumerable<string> userIds)
    {
        return PatchOp(writer =>
        {
            writer.WriteString("op", "add");
            writer.WriteString("path", "members");
            writer.WriteStartArray("value");
            foreach (string id in userIds)
            {
                writer.WriteStartObject();
                writer.WriteString("value", id);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>Removal by value filter (RFC 7644 §3.5.2.2), the form Okta's group push uses.</summary>
    public static byte[] RemoveMember(string userId)
    {
        return PatchOp(writer =>
        {
            writer.WriteString("op", "remove");
            writer.WriteString("path", $"members[value eq \"{userId}\"]");
        });
    }

    private static byte[] PatchOp(Action<Utf8JsonWriter> writeOperation)
    {
        return Write(writer =>
        {
            WriteSchemas(writer, PatchOpSchema);
            writer.WriteStartArray("Operations");
            writer.WriteStartObject();
            writeOperation(writer);
            writer.WriteEndObject();
            writer.WriteEndArray();
        });
    }

    private static void WriteSchemas(Utf8JsonWriter writer, string schema)
    {
        writer.WriteStartArray("schemas");
        writer.WriteStringValue(schema);
        writer.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> writeMembers)
    {
        ArrayBufferWriter<byte> buffer = new(256);
        using (Utf8JsonWriter writer = new(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
