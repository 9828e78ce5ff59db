using System.Globalization;
using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Schemas;

namespace Roster.Server.Scim.Http;

/// <summary>Renders a <see cref="ScimError"/> as the RFC 7644 section 3.12 error body.</summary>
public static class ScimErrorDocument
{
    public static JsonObject Create(ScimError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUris.Error),
            // RFC 7644 shows status as a string; some clients (and Entra's validator) insist on it.
            ["status"] = ((int)error.Status).ToString(CultureInfo.InvariantCulture),
        };
        if (error.ScimType is not null)
        {
            body["scimType"] = error.ScimType;
        }

        body["detail"] = error.Detail;
        return body;
    }
}
