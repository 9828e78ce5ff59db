namespace Roster.Server.Hosting;

/// <summary>The DNS servers domain verification asks (section <c>Roster:Dns</c>); read by <see cref="DnsConfiguration"/>.</summary>
public sealed class DnsSettings
{
    /// <summary>
    /// <c>ip</c> or <c>ip:port</c> of each server, as a list (<c>Roster__Dns__Servers__0=10.0.0.2</c>) or
    /// one comma-separated value (<c>Roster__Dns__Servers=10.0.0.2,10.0.0.3:5353</c>); empty: the machine's resolvers.
    /// </summary>
    public List<string> Servers { get; set; } = [];

    /// <summary>How long each lookup attempt may take, in seconds.</summary>
    public double TimeoutSeconds { get; set; } = 5;
}
