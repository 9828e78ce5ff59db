using Roster.Server.Admin.Http;
using Roster.Server.Console;
using Roster.Server.Scim.Http;

namespace Roster.Server.Telemetry;

/// <summary>
/// Who sends a request, as a metric label: the identity provider for SCIM calls (from its
/// User-Agent, <see cref="ScimClientNames"/>), else the surface it uses. A short, fixed set: never
/// a tenant, a credential or anything the client typed.
/// </summary>
public static class ClientKinds
{
    public const string Tag = "roster.client";

    public static string Of(HttpRequest request, string? metricsPath)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        if (ScimPaths.IsScim(path))
        {
            return ScimClientNames.Identify(request) switch
            {
                ScimClientNames.Okta => "okta",
                ScimClientNames.EntraId => "entra_id",
                _ => "other_idp",
            };
        }

        if (AdminPaths.IsAdmin(path))
        {
            return "admin_api";
        }

        if (ConsolePaths.IsConsole(path) || path.StartsWithSegments("/auth/authorize", StringComparison.OrdinalIgnoreCase))
        {
            return "console";
        }

        if (path.StartsWithSegments("/auth", StringComparison.OrdinalIgnoreCase))
        {
            return "oauth";
        }

        return path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || (metricsPath is not null && path.Equals(metricsPath, StringComparison.OrdinalIgnoreCase))
            ? "probe"
            : "other";
    }
}
