using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roster.Server.Scim.Http;

/// <summary>A SCIM JSON response: status, optional ETag and Location, <c>application/scim+json</c>.</summary>
public sealed class ScimJsonResult(JsonNode body, int statusCode = StatusCodes.Status200OK, string? etag = null, string? location = null) : IResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = true };

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
