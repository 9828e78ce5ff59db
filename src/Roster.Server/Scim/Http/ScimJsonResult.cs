using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roster.Server.Scim.Http;

/// <summary>A SCIM JSON response: status, optional ETag and Location, <c>application/scim+json</c>.</summary>
public sealed class ScimJsonResult(JsonNode body, int statusCode = StatusCodes.Status200OK, string? etag = null, string? location = null) : IResult
{
    // Relaxed escaping keeps ETags and URLs readable ("W/\"3\"" rather than "W/\u00223\u0022"); the
    // body is always served as application/scim+json, never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        SkipValidation = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = statusCode;
        if (etag is not null)
        {
            httpContext.Response.Headers.ETag = etag;
        }

        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        await WriteBodyAsync(httpContext, body);
    }

    internal static async Task WriteBodyAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = ScimMediaTypes.ScimUtf8;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions);
        body.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }
}
