using System.Net;
using System.Net.Sockets;

namespace Roster.Directory.Webhooks;

/// <summary>
/// Which addresses a webhook may be sent to: the SSRF defence. Roster sends requests on behalf of
/// tenant administrators, from inside the operator's network; an endpoint that resolves to a
/// loopback, private, link-local (where cloud metadata services answer), shared or reserved
/// address is refused, unless the operator allowed its network (<see cref="WebhookOptions.AllowedNetworks"/>).
/// The sender checks every address a name resolves to and connects to the address it checked,
/// so a name that changes its answer between the check and the connection gains nothing.
/// </summary>
public sealed class WebhookNetworkPolicy
{
    private static readonly (IPNetwork Network, string Kind)[] Internal =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "a 'this network' address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a shared (carrier-grade NAT) address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address (cloud metadata services answer there)"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.0.0.0/24"), "a reserved address"),
        (IPNetwork.Parse("192.0.2.0/24"), "a documentation address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a benchmarking address"),
        (IPNetwork.Parse("198.51.100.0/24"), "a documentation address"),
        (IPNetwork.Parse("203.0.113.0/24"), "a documentation address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved address"),
        (IPNetwork.Parse("::/128"), "the unspecified address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        (IPNetwork.Parse("100::/64"), "a discard address"),
        (IPNetwork.Parse("2001:db8::/32"), "a documentation address"),
        (IPNetwork.Parse("fc00::/7"), "a private (unique local) address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
    ];

    private readonly IReadOnlyList<IPNetwork> _allowed;
    private readonly string _setting;
    private readonly string _refused;

    public WebhookNetworkPolicy(WebhookOptions options)
        : this(options?.AllowedNetworks ?? throw new ArgumentNullException(nameof(options)), $"{WebhookOptions.Section}:AllowedNetworks", "webhooks are not sent inside Roster's own network")
    {
    }

    /// <summary>
    /// The same defence for another kind of request Roster makes for tenants (an IdP's metadata):
    /// <paramref name="allowedNetworks"/> are the operator's exceptions, named <paramref name="setting"/>
    /// in refusals, which say <paramref name="refused"/> (e.g. "metadata is not read inside Roster's own network").
    /// </summary>
    public WebhookNetworkPolicy(IEnumerable<string> allowedNetworks, string setting, string refused)
    {
        ArgumentNullException.ThrowIfNull(allowedNetworks);
        _setting = setting;
        _refused = refused;
        _allowed = [.. allowedNetworks.Select(n => IPNetwork.TryParse(n.Trim(), out var network)
            ? network
            : throw new FormatException($"'{n}' in {setting} is not a network in CIDR notation, e.g. 10.20.0.0/16."))];
    }

    /// <summary>Whether the operator allowed <paramref name="address"/>'s network explicitly (not merely: it is public).</summary>
    public bool IsAllowedExplicitly(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var judged = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : Nat64(address) ?? address;
        return _allowed.Any(n => n.Contains(judged) || n.Contains(address));
    }

    /// <summary>Why a request to <paramref name="address"/> is refused, or null when it may be sent.</summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        // An IPv4 address written as IPv6 (::ffff:10.0.0.1, or NAT64's 64:ff9b::/96) is judged as the IPv4 address it reaches.
        var judged = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : Nat64(address) ?? address;
        if (_allowed.Any(n => n.Contains(judged) || n.Contains(address)))
        {
            return null;
        }

        foreach (var (network, kind) in Internal)
        {
            if (network.BaseAddress.AddressFamily == judged.AddressFamily && network.Contains(judged))
            {
                return $"{address} is {kind}; {_refused} unless the operator allows it ({_setting}).";
            }
        }

        return null;
    }

    private static IPAddress? Nat64(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        ReadOnlySpan<byte> prefix = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];
        return bytes.AsSpan(0, 12).SequenceEqual(prefix) ? new IPAddress(bytes.AsSpan(12, 4)) : null;
    }
}
