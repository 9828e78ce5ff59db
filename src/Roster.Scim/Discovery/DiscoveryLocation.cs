namespace Roster.Scim.Discovery;

/// <summary>Builds <c>meta.location</c> URLs from the SCIM base URL the host was reached at.</summary>
internal static class DiscoveryLocation
{
    /// <summary><paramref name="baseUrl"/> (with or without a trailing slash) joined with the relative path.</summary>
    public static string Of(string baseUrl, string relative)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return $"{baseUrl.TrimEnd('/')}/{relative.TrimStart('/')}";
    }
}
