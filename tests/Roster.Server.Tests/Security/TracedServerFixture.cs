using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Security;

/// <summary>
/// A server that logs everything, at every level and in every category (ASP.NET Core's request
/// logs, Kestrel, EF Core's commands, OpenIddict's token handling), into <see cref="Logs"/>:
/// the most an operator could turn on.
/// </summary>
public sealed class TracedServerFixture : RosterServerFixture
{
    public LogCapture Logs { get; } = new();

    /// <summary>The defaults, and loopback webhook receivers allowed, so signing secrets are used too.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Roster:RateLimits:Enabled"] = "false",
        ["Roster:Throttling:AuthorizePerAddress"] = "100000",
        ["Roster:Webhooks:AllowedNetworks"] = "127.0.0.0/8",
    };

    protected override void ConfigureServer(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);

        // As specific as the quieting rules Roster sets for these categories, and added after
        // them, so these win.
        foreach (var category in new[] { "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "OpenIddict", "Roster", "System" })
        {
            builder.Logging.AddFilter(category, LogLevel.Trace);
        }
    }
}
