using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Roster.Server.Hosting;

/// <summary>The one wording of a 413 for a body over <see cref="RequestLimitsOptions.MaxRequestBodyBytes"/>, SCIM or not.</summary>
public static class RequestBodyLimit
{
    public static string TooLargeDetail(long limit) => string.Create(
        CultureInfo.InvariantCulture, $"The request body is larger than the {limit:N0} bytes this server accepts.");

    /// <summary>The detail for a 413 the framework produced: the request's own limit, else the configured one.</summary>
    public static string TooLargeDetail(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
            ?? context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxRequestBodyBytes;
        return TooLargeDetail(limit);
    }
}
