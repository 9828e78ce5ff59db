using Microsoft.Extensions.FileProviders;

namespace Roster.Server.Console;

/// <summary>Serves the console: its security headers, its stylesheet and script from this assembly, and its pages.</summary>
public static class ConsoleApplicationBuilderExtensions
{
    /// <summary>The embedded assets' resource names start with this (see the project file).</summary>
    private const string AssetNamespace = "Roster.Server.Console.Assets";

    /// <summary>
    /// The console loads nothing from elsewhere and is never framed, so its pages say so: a
    /// script injected into a page could not run, and another site cannot overlay the console's
    /// buttons (clickjacking).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseConsoleAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            if (ConsolePaths.IsConsole(context.Request.Path))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
            }

            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(ConsoleApplicationBuilderExtensions).Assembly, AssetNamespace),
            RequestPath = ConsolePaths.Assets,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        return app;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages();
        return app;
    }
}
