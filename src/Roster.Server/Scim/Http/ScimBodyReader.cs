using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Roster.Scim.Errors;
using Roster.Scim.Resources;
using Roster.Server.Hosting;

namespace Roster.Server.Scim.Http;

/// <summary>
/// Reads a SCIM request body as a JSON object: checks the media type, enforces the size limit
/// and hands the bytes to <see cref="RequestBodyParser"/>, which turns every malformed body into a
/// precise 400 <c>invalidSyntax</c>.
/// </summary>
public sealed class ScimBodyReader(IOptions<RequestLimitsOptions> options)
{
    public async Task<ScimResult<JsonObject>> ReadObjectAsync(HttpRequest request)
    {
        var bytes = await ReadBytesAsync(request);
        return bytes.IsSuccess ? RequestBodyParser.Parse(bytes.Value, options.Value.MaxJsonDepth) : bytes.Error;
    }

    /// <summary>The body's bytes, after the media type and size checks; not parsed yet.</summary>
    public async Task<ScimResult<byte[]>> ReadBytesAsync(HttpRequest request)
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

        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            if (buffer.Length > limit)
            {
                return TooLarge(limit);
            }

            return buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
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
