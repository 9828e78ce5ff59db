using System.ComponentModel.DataAnnotations;

namespace Roster.Server.Hosting;

/// <summary>Deployment settings of a Roster node (section <c>Roster</c> of the configuration).</summary>
public sealed class RosterServerOptions
{
    public const string SectionName = "Roster";

    /// <summary>
    /// The public base URL shown to administrators and used in <c>meta.location</c>, e.g.
    /// <c>https://roster.example.com</c>. When empty, the request's own scheme and host are used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The largest SCIM request body accepted, in bytes.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The page size when a list request gives no <c>count</c>.</summary>
    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>The largest page a list request may ask for (advertised in /ServiceProviderConfig).</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>The most operations one PATCH request may carry.</summary>
    [Range(1, 100_000)]
    public int MaxPatchOperations { get; set; } = 1000;
}
