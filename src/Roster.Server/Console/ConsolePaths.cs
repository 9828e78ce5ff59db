namespace Roster.Server.Console;

/// <summary>Where the console lives: its pages, its static assets and the pages emailed links open.</summary>
public static class ConsolePaths
{
    public const string Root = "/console";

    /// <summary>The page an invitation email links to (<c>{publicBaseUrl}/activate#token=...</c>).</summary>
    public const string Activate = "/activate";

    /// <summary>The page an unlock email links to (<c>{publicBaseUrl}/unlock#token=...</c>).</summary>
    public const string Unlock = "/unlock";

    /// <summary>The page a setup link opens (<c>{publicBaseUrl}/setup#token=...</c>): the first administrator of an organization.</summary>
    public const string Setup = Roster.Directory.Onboarding.SetupLinkTokens.Path;

    /// <summary>The stylesheet and script the pages use, served by Roster itself (no CDN).</summary>
    public const string Assets = Root + "/assets";

    /// <summary>The OAuth consent page, which the console's pages and sign-in serve.</summary>
    public const string Authorize = "/auth/authorize";

    /// <summary>Pages people read, in their language: the console's and the consent page.</summary>
    public static bool SpeaksLanguages(PathString path) =>
        IsConsole(path) || path.StartsWithSegments(Authorize, StringComparison.OrdinalIgnoreCase);

    public static bool IsConsole(PathString path) =>
        path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Activate, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Unlock, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Setup, StringComparison.OrdinalIgnoreCase);
}
