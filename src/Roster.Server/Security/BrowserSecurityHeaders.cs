namespace Roster.Server.Security;

/// <summary>
/// The headers that tell a browser how to treat what Roster sends, on every response, set in this
/// one place: the console's pages, the OAuth consent page at <c>/auth/authorize</c>, the
/// activation page, and every error page (status code pages, the exception handler's page,
/// OpenIddict's plain-text errors). Set as the response starts, so that a handler that clears the
/// response (the exception handler does) cannot drop them.
/// </summary>
public static class BrowserSecurityHeaders
{
    /// <summary>
    /// Roster's pages load nothing from elsewhere and are never framed, so they say so: a script
    /// injected into a page could not run, and another site cannot overlay a page's buttons, such
    /// as the consent page's "Allow" (clickjacking). <c>frame-ancestors 'none'</c> for current
    /// browsers, <c>X-Frame-Options: DENY</c> for older ones.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Goes first in the pipeline, so that every response gets the headers, however it ends.</summary>
    public static WebApplication UseBrowserSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }
}
