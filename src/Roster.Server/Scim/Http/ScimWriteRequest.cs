using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Projection;

namespace Roster.Server.Scim.Http;

/// <summary>
/// What every write (POST, PUT, PATCH) reads before touching the store: the projection of the
/// response, the <c>If-Match</c> version and the JSON body, each refused with its own SCIM error.
/// </summary>
/// <param name="Projection">The <c>attributes</c>/<c>excludedAttributes</c> of the response.</param>
/// <param name="ExpectedVersion">The version <c>If-Match</c> requires, if any.</param>
/// <param name="Body">The request body.</param>
public sealed record ScimWriteRequest(AttributeProjection Projection, long? ExpectedVersion, JsonObject Body)
{
    public static async Task<ScimResult<ScimWriteRequest>> ReadAsync(HttpContext context, ScimBodyReader reader)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        var projection = ScimQuery.Projection(context.Request);
        if (!projection.IsSuccess)
        {
            return projection.Error;
        }

        var expected = EntityTag.ExpectedVersion(context.Request);
        if (!expected.IsSuccess)
        {
            return expected.Error;
        }

        var body = await reader.ReadObjectAsync(context.Request);
        if (!body.IsSuccess)
        {
            return body.Error;
        }

        return new ScimWriteRequest(projection.Value, expected.Value, body.Value);
    }
}
