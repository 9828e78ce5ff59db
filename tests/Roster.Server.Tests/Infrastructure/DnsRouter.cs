using System.Collections.Concurrent;
using Roster.Directory.Domains;
using Roster.Directory.Tests.Support;

namespace Roster.Server.Tests.Infrastructure;

/// <summary>
/// The server fixture's <see cref="IDnsTxtResolver"/>: the server is shared by many tests, each
/// with its own dnsmasq (TXT records cannot be reloaded), so a look-up goes to the real
/// <see cref="DnsTxtResolver"/> pointed at the dnsmasq a test registered for that name.
/// An unregistered name fails the look-up, so no test ever asks the machine's resolvers.
/// </summary>
public sealed class DnsRouter : IDnsTxtResolver
{
    private readonly ConcurrentDictionary<string, IDnsTxtResolver> routes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sends look-ups of <paramref name="name"/> to <paramref name="server"/> until the returned handle is disposed.</summary>
    public IDisposable Route(string name, DnsmasqServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        routes[name] = server.Resolver;
        return new Removal(() => routes.TryRemove(name, out _));
    }

    public Task<DnsTxtAnswer> LookupAsync(string name, CancellationToken cancellationToken) =>
        routes.TryGetValue(name, out var resolver)
            ? resolver.LookupAsync(name, cancellationToken)
            : Task.FromResult(DnsTxtAnswer.Failed(DnsLookupFailure.Describe(name, "no test DNS server is routed for this name")));

    private sealed class Removal(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
