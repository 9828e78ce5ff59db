using System.Net;

namespace Roster.Server.Telemetry;

/// <summary>The scrape endpoint's own access rule: only clients in <see cref="PrometheusOptions.AllowedNetworks"/>.</summary>
public sealed class ScrapeAccess
{
    private readonly List<System.Net.IPNetwork> _networks;

    public ScrapeAccess(IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        _networks = [.. allowed.Select(a => TryParse(a) ?? throw new ArgumentException($"'{a}' is neither an IP address nor a network.", nameof(allowed)))];
    }

    /// <summary>A network (<c>10.0.0.0/8</c>) or one address (<c>10.0.0.7</c>); null when it is neither.</summary>
    public static System.Net.IPNetwork? TryParse(string value)
    {
        if (System.Net.IPNetwork.TryParse(value, out var network))
        {
            return network;
        }

        return IPAddress.TryParse(value, out var address)
            ? new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : null;
    }

    public bool Allows(IPAddress? client)
    {
        if (client is null)
        {
            return false;
        }

        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        return _networks.Any(n => n.Contains(client));
    }
}
