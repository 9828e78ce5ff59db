namespace Roster.Server.Deployment;

/// <summary>
/// Where and how this Roster deployment runs (section <c>Roster:Deployment</c>): what the console
/// and the admin API show a tenant as its region and its URLs.
/// </summary>
public sealed class DeploymentOptions
{
    public const string SectionName = "Roster:Deployment";

    public const string DefaultRegion = "local";

    /// <summary>The region name shown to tenants, e.g. <c>eu-west</c>.</summary>
    public string Region { get; set; } = DefaultRegion;

    /// <summary>True for a government (FedRAMP-style) deployment.</summary>
    public bool Government { get; set; }

    /// <summary>
    /// The public base URL, e.g. <c>https://roster.example.com</c>. When empty,
    /// <c>Roster:PublicBaseUrl</c> is used, and when that is empty too, the request's own scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The OAuth token endpoint shown to administrators; default <c>{PublicBaseUrl}/auth/token</c>.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>The OAuth authorize endpoint shown to administrators; default <c>{PublicBaseUrl}/auth/authorize</c>.</summary>
    public string? AuthorizeEndpoint { get; set; }
}
