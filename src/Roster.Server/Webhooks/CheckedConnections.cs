using System.Net;
using System.Net.Sockets;
using Roster.Directory.Webhooks;

namespace Roster.Server.Webhooks;

/// <summary>
/// The connection step of every request Roster makes to an address a tenant gave (webhooks, an
/// IdP's metadata): the host is resolved here, every address is judged by a
/// <see cref="WebhookNetworkPolicy"/>, and the socket connects to an address that passed, so a DNS
/// answer that changes between check and connection reaches nothing it should not. Use it as a
/// <see cref="SocketsHttpHandler.ConnectCallback"/>, with no proxy and no redirects.
/// </summary>
public static class CheckedConnections
{
    /// <summary>Why the connection was refused by the policy, if that is why <paramref name="e"/> was thrown.</summary>
    public static string? Refusal(Exception e)
    {
        for (var inner = (Exception?)e; inner is not null; inner = inner.InnerException)
        {
            if (inner is WebhookAddressRefusedException refused)
            {
                return refused.Message;
            }
        }

        return null;
    }

    /// <summary>
    /// Connects to the host of <paramref name="context"/> at an address <paramref name="policy"/> allows;
    /// with <paramref name="onlyAllowedNetworks"/>, only at one in the operator's own exceptions
    /// (plain HTTP, which Roster uses only where the operator said so).
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(WebhookNetworkPolicy policy, SocketsHttpConnectionContext context, CancellationToken cancellationToken, bool onlyAllowedNetworks = false)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(context);
        var allowed = addresses.Where(a => policy.Refusal(a) is null && (!onlyAllowedNetworks || policy.IsAllowedExplicitly(a))).ToList();
        if (allowed.Count == 0 && onlyAllowedNetworks && addresses.Length > 0 && addresses.All(a => policy.Refusal(a) is null))
        {
            throw new WebhookAddressRefusedException($"{host} is reached over plain HTTP, which is allowed only inside the networks the operator named; use HTTPS.");
        }

        if (allowed.Count == 0)
        {
            throw new WebhookAddressRefusedException(addresses.Length == 0
                ? $"{host} has no address."
                : addresses.Select(policy.Refusal).OfType<string>().First());
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }

        throw last!;
    }
}
