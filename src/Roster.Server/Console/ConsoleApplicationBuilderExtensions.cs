using Microsoft.Extensions.FileProviders;

namespace Roster.Server.Console;

/// <summary>Serves the console: its stylesheet and script from this assembly, and its pages (their headers: <see cref="Security.BrowserSecurityHeaders"/>).</summary>
public static class ConsoleApplicationBuilderExtensions
{
    /// <summary>The embedded assets' resource names start with this (see the project file).</summary>
    private const string AssetNamespace = "Roster.Server.Console.Assets";

    public static WebApplication UseConsoleAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
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
        Sso.OidcSignInEndpoints.MapOidcSignIn(app);
        return app;
    }
}
