using Roster.Directory.Domains;

namespace Roster.Server.Hosting;

/// <summary>
/// Reads which DNS servers domain verification asks: <c>Roster:Dns:Servers</c>, a list
/// (<c>Roster__Dns__Servers__0=10.0.0.2</c>) or one comma-separated value
/// (<c>Roster__Dns__Servers=10.0.0.2,10.0.0.3:5353</c>); none means the machine's resolvers.
/// <c>Roster:Dns:TimeoutSeconds</c> bounds each attempt (default 5).
/// </summary>
public static class DnsConfiguration
{
    public static DnsTxtResolverOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DnsTxtResolverOptions.Section);
        var settings = section.Get<DnsSettings>() ?? new DnsSettings();
        var options = new DnsTxtResolverOptions { Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };
        IEnumerable<string> servers = section["Servers"] is { Length: > 0 } joined
            ? joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : settings.Servers;
        foreach (var server in servers)
        {
            options.Servers.Add(server);
        }

        _ = options.Endpoints();
        return options;
    }
}
