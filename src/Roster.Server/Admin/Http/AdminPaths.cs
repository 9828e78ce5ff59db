namespace Roster.Server.Admin.Http;

/// <summary>Where the admin API lives.</summary>
public static class AdminPaths
{
    public const string Root = "/api/v1";
    public const string Org = Root + "/orgs/{orgId:guid}";

    public static bool IsAdmin(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
