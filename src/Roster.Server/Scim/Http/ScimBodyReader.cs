using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Roster.Scim.Errors;
using Roster.Server.Hosting;

namespace Roster.Server.Scim.Http;

/// <summary>
/// Reads a SCIM request body as a JSON object: checks the media type, enforces the size limit
/// and turns every malformed body into a precise 400 <c>invalidSyntax</c>.
/// </summary>
public sealed class ScimBodyReader(IOptions<RequestLimitsOptions> options)
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    private readonly JsonDocumentOptions _documentOptions = new()
    {
        MaxDepth = options.Value.MaxJsonDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public async Task<ScimResult<JsonObject>> ReadObjectAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return ScimError.UnsupportedMediaType(
                $"The body must be JSON sent as '{ScimMediaTypes.Scim}' or '{ScimMediaTypes.Json}', not '{request.ContentType}'.");
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            if (buffer.Length > limit)
            {
                return TooLarge(limit);
            }

            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        if (bytes.Length == 0)
        {
            return ScimError.InvalidSyntax("The request body is empty; a JSON object is required.");
        }

        // System.Text.Json validates UTF-8 only when it builds a string, deep inside later code;
        // checking here turns a malformed body into a 400 instead of an exception.
        if (!Utf8.IsValid(bytes))
        {
            return ScimError.InvalidSyntax("The request body is not valid UTF-8.");
        }

        try
        {
            var node = JsonNode.Parse(bytes, NodeOptions, _documentOptions);
            if (node is not JsonObject body)
            {
                return ScimError.InvalidSyntax("The request body must be a JSON object.");
            }

            // JsonObject detects duplicate property names only when it materialises them.
            _ = body.Count;
            return body;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            var depth = _documentOptions.MaxDepth;
            return e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? ScimError.InvalidSyntax($"The request body nests JSON more than {depth} levels deep{where}; that is the limit.")
                : ScimError.InvalidSyntax($"The request body is not valid JSON{where}.");
        }
        catch (ArgumentException)
        {
            return ScimError.InvalidSyntax("The request body has the same property name twice in one object.");
        }
    }

    private static ScimError TooLarge(int limit) => ScimError.PayloadTooLarge(RequestBodyLimit.TooLargeDetail(limit));

    /// <summary>
    /// <c>application/scim+json</c> and <c>application/json</c>, with or without parameters such as
    /// charset; a missing content type is accepted because some IdP test tools omit it.
    /// </summary>
    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals(ScimMediaTypes.Scim, StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals(ScimMediaTypes.Json, StringComparison.OrdinalIgnoreCase);
    }
}
