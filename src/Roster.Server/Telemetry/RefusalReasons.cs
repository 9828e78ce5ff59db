namespace Roster.Server.Telemetry;

/// <summary>
/// Why Roster refused a request, from its final status: <c>rate_limit</c> (a request rate limit,
/// 429), <c>throttle</c> (the guessing limits of the token, authorize and sign-in endpoints, 429),
/// <c>auth</c> (no valid credential, 401), <c>policy</c> (a permission or tenant policy, 403) and
/// <c>size_limit</c> (413, 414, 431). Anything else is not a refusal.
/// </summary>
public static class RefusalReasons
{
    public const string Tag = "roster.refusal.reason";

    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        return context.Response.StatusCode switch
        {
            StatusCodes.Status429TooManyRequests when path.StartsWithSegments("/auth", StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/console/sign-in", StringComparison.OrdinalIgnoreCase) => "throttle",
            StatusCodes.Status429TooManyRequests => "rate_limit",
            StatusCodes.Status401Unauthorized => "auth",
            StatusCodes.Status403Forbidden => "policy",
            StatusCodes.Status413PayloadTooLarge or StatusCodes.Status414UriTooLong or StatusCodes.Status431RequestHeaderFieldsTooLarge => "size_limit",
            _ => null,
        };
    }
}
