using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Roster.Server.Security;

/// <summary>
/// Forwarded headers from trusted proxies, then HSTS on HTTPS responses. Forwarded headers come
/// first so that everything after them sees the client's own scheme and address: HSTS and the
/// console's <c>Secure</c> cookies follow the scheme, the credential throttling counts by address.
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TransportSecurityOptions.SectionName).Get<TransportSecurityOptions>() ?? new();
        services.AddSingleton(options);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // One proxy in front: the last hop's word is the only one that can be checked.
            forwarded.ForwardLimit = 1;
            if (options.TrustedProxies.Count > 0)
            {
                forwarded.KnownIPNetworks.Clear();
                forwarded.KnownProxies.Clear();
                foreach (var proxy in options.TrustedProxies)
                {
                    forwarded.KnownIPNetworks.Add(ParseNetwork(proxy));
                }
            }
        });
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(options.HstsMaxAgeDays);
            hsts.IncludeSubDomains = options.HstsIncludeSubDomains;
        });
        return services;
    }

    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (app.Services.GetRequiredService<TransportSecurityOptions>().Hsts)
        {
            // Only on HTTPS requests and never for localhost (ASP.NET Core's rules): a browser
            // must have reached the host over TLS for the header to mean anything.
            app.UseHsts();
        }

        return app;
    }

    private static System.Net.IPNetwork ParseNetwork(string proxy)
    {
        if (System.Net.IPNetwork.TryParse(proxy, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(proxy, out var address))
        {
            return new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new Settings.SettingException(
            $"{TransportSecurityOptions.SectionName}:TrustedProxies has \"{proxy}\", which is neither an IP address (10.0.0.5) nor a network (10.0.0.0/8).");
    }
}
