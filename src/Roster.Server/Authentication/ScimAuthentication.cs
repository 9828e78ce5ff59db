using Microsoft.AspNetCore.Authentication;
using Roster.Server.Scim.Http;

namespace Roster.Server.Authentication;

/// <summary>
/// Authentication of every request, in place of <c>UseAuthentication</c>: a SCIM request is
/// authenticated by the SCIM bearer scheme alone, everything else by ASP.NET Core's authentication
/// middleware as before. That middleware first hands the request to every scheme that handles
/// requests of its own (OpenIddict's server and validation), then authenticates through the default
/// policy scheme, which forwards by path. A SCIM request has no use for either (no OAuth endpoint
/// lives under a SCIM path, and its path always picks <see cref="ScimBearerDefaults.Scheme"/>), and
/// they cost two handlers resolved and an OpenIddict transaction and dispatch per request. The
/// outcome is the same: the same handler, principal and failure reason for the 401, and the SCIM
/// policy authenticates with the same scheme (the handler keeps its result for the request).
/// </summary>
public static class ScimAuthentication
{
    /// <summary>
    /// The key <c>UseAuthentication</c> sets in the builder's properties: without it, a
    /// <see cref="WebApplication"/> adds the authentication middleware again at the head of the
    /// pipeline, before the NUL guard and the credential throttle (ASP.NET Core's
    /// <c>WebApplicationBuilder</c>; not a public constant, so repeated here).
    /// </summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    public static WebApplication UseRosterAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        app.Use(next =>
        {
            var everyScheme = new AuthenticationMiddleware(next, schemes);
            return context => ScimPaths.IsScim(context.Request.Path) ? AuthenticateScimAsync(context, next) : everyScheme.Invoke(context);
        });
        return app;
    }

    private static async Task AuthenticateScimAsync(HttpContext context, RequestDelegate next)
    {
        if (await context.AuthenticateAsync(ScimBearerDefaults.Scheme) is { Principal: { } principal })
        {
            context.User = principal;
        }

        await next(context);
    }
}
