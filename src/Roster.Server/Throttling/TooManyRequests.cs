using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Roster.Server.Throttling;

/// <summary>
/// What every refusal of Roster's rate limiters shares: the client address a limit is counted by,
/// the 429 status with <c>Retry-After</c> in whole seconds, and the ProblemDetails body of the
/// non-SCIM endpoints.
/// </summary>
public static class TooManyRequests
{
    /// <summary>The connection's address; <c>X-Forwarded-For</c> is not trusted (see the operations guide).</summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>Sets 429 and <c>Retry-After</c> from the refused lease (at least one second); returns the seconds.</summary>
    public static int Refuse(OnRejectedContext rejected, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : fallback;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>An RFC 7807 body for a 429 outside the SCIM API and the token endpoint.</summary>
    public static Task WriteProblemAsync(HttpContext context, string title, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail },
            options: null,
            contentType: "application/problem+json",
            cancellationToken);
    }
}
