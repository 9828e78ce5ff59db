using System.Net;

namespace Roster.Directory.Domains;

/// <summary>
/// Where TXT records are looked up. No servers: the machine's resolvers (from
/// /etc/resolv.conf or the OS). Servers are "host" or "host:port" (IPv6 as "[::1]:53").
/// </summary>
public sealed class DnsTxtResolverOptions
{
    public const string Section = "Roster:Dns";

    public IList<string> Servers { get; } = [];

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The servers parsed; throws <see cref="FormatException"/> on an unparsable entry.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints() => [.. Servers.Select(s =>
        IPEndPoint.TryParse(s, out var endpoint)
            ? endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint
            : throw new FormatException($"'{s}' in {Section}:Servers is not an IP address or IP:port."))];
}
