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

    /// <summary>
    /// Chooses the language of console pages (after authentication: a person's own setting comes
    /// first). Other paths keep the invariant culture, so no API's output depends on a browser.
    /// </summary>
    public static WebApplication UseConsoleLocalization(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(c => ConsolePaths.SpeaksLanguages(c.Request.Path), b => b.UseRequestLocalization());
        return app;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages();
        Sso.OidcSignInEndpoints.MapOidcSignIn(app);
        Sso.SamlSignInEndpoints.MapSamlSignIn(app);

        // The site's root is the console: a browser pointed at Roster's address lands on its sign-in.
        app.MapGet("/", () => Results.Redirect(ConsolePaths.Root)).ExcludeFromDescription();
        return app;
    }
}
