namespace Roster.Server.Scim.Http;

/// <summary>Where the SCIM API lives.</summary>
public static class ScimPaths
{
    public const string Root = "/scim/v2";

    public static bool IsScim(PathString path) => path.StartsWithSegments("/scim", StringComparison.OrdinalIgnoreCase);
}
