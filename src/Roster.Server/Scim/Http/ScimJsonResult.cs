using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roster.Server.Scim.Http;

/// <summary>
/// A SCIM JSON response: status, optional ETag and Location, <c>application/scim+json</c>. Values
/// the store streams (<see cref="StreamedValues"/>) are written into their resources as they are
/// read, so the body is never held whole: a group of 100,000 members costs the memory of a page
/// of the response writer, not of the response.
/// </summary>
public sealed class ScimJsonResult(JsonNode body, int statusCode = StatusCodes.Status200OK, string? etag = null, string? location = null, IReadOnlyList<StreamedValues>? streamed = null) : IResult
{
    // Relaxed escaping keeps ETags and URLs readable ("W/\"3\"" rather than "W/\u00223\u0022"); the
    // body is always served as application/scim+json, never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        SkipValidation = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A response with one rendered resource, its streamed values included.</summary>
    public ScimJsonResult(RenderedResource resource, int statusCode = StatusCodes.Status200OK, string? etag = null, string? location = null)
        : this(resource?.Document ?? throw new ArgumentNullException(nameof(resource)), statusCode, etag, location, resource.Streamed is { } values ? [values] : null)
    {
    }

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

        await WriteBodyAsync(httpContext, body, streamed);
    }

    internal static async Task WriteBodyAsync(HttpContext context, JsonNode body, IReadOnlyList<StreamedValues>? streamed = null)
    {
        context.Response.ContentType = ScimMediaTypes.ScimUtf8;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions);
        if (streamed is not { Count: > 0 })
        {
            body.WriteTo(writer);
        }
        else
        {
            var owners = streamed.ToDictionary(s => (object)s.Owner, ReferenceEqualityComparer.Instance);

            // The objects that hold an owner somewhere below (a ListResponse and its Resources).
            var holders = new HashSet<JsonNode>(ReferenceEqualityComparer.Instance);
            foreach (var owner in streamed.Select(s => s.Owner))
            {
                for (var node = owner.Parent; node is not null; node = node.Parent)
                {
                    holders.Add(node);
                }
            }

            await WriteAsync(context, writer, body, owners, holders);
        }

        await writer.FlushAsync(context.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext context, Utf8JsonWriter writer, JsonNode? node, Dictionary<object, StreamedValues> owners, HashSet<JsonNode> holders)
    {
        switch (node)
        {
            case JsonObject obj when owners.TryGetValue(obj, out var streamed):
                writer.WriteStartObject();
                var written = false;
                foreach (var (name, value) in obj)
                {
                    // Where the attribute stands when its values are in the document: before meta.
                    if (!written && name == "meta")
                    {
                        await streamed.WriteAsync(writer, (w, ct) => FlushAsync(context, w, ct), context.RequestAborted);
                        written = true;
                    }

                    writer.WritePropertyName(name);
                    await WriteAsync(context, writer, value, owners, holders);
                }

                if (!written)
                {
                    await streamed.WriteAsync(writer, (w, ct) => FlushAsync(context, w, ct), context.RequestAborted);
                }

                writer.WriteEndObject();
                break;
            case JsonObject obj when holders.Contains(obj):
                writer.WriteStartObject();
                foreach (var (name, value) in obj)
                {
                    writer.WritePropertyName(name);
                    await WriteAsync(context, writer, value, owners, holders);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array when holders.Contains(array):
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    await WriteAsync(context, writer, item, owners, holders);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static async Task FlushAsync(HttpContext context, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        await writer.FlushAsync(cancellationToken);
        await context.Response.BodyWriter.FlushAsync(cancellationToken);
    }
}
