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
}
