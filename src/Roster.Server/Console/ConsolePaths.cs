namespace Roster.Server.Console;

/// <summary>Where the console lives: its pages, its static assets and the invitation link's page.</summary>
public static class ConsolePaths
{
    public const string Root = "/console";

    /// <summary>The page an invitation email links to (<c>{publicBaseUrl}/activate#token=...</c>).</summary>
    public const string Activate = "/activate";

    /// <summary>The stylesheet and script the pages use, served by Roster itself (no CDN).</summary>
    public const string Assets = Root + "/assets";

    public static bool IsConsole(PathString path) =>
        path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Activate, StringComparison.OrdinalIgnoreCase);
}
