using Roster.Directory.Events;
using Roster.Server.Hosting;
using Roster.Server.Webhooks;

namespace Roster.Server.Events;

/// <summary>Registers the feed's and the webhooks' settings and services; before <c>AddRosterDirectory</c>, whose defaults they replace.</summary>
public static class EventServiceCollectionExtensions
{
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Where <see cref="EventConfiguration"/> reads the settings.</param>
    /// <param name="storage">The database: on PostgreSQL, other nodes' commits are heard through notifications.</param>
    /// <param name="send">False for a host that never sends (the CLI): no sender, retention or listener runs.</param>
    public static IServiceCollection AddRosterEvents(this IServiceCollection services, IConfiguration configuration, RosterStorage storage, bool send = true)
    {
        ArgumentNullException.ThrowIfNull(storage);
        // Read when first needed, so that settings a host adds after this call (tests, the CLI's options) count.
        services.AddSingleton(_ => EventConfiguration.ReadFeed(configuration));
        services.AddSingleton(_ => EventConfiguration.ReadWebhooks(configuration));
        services.AddSingleton<WebhookSigner>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookTestEvent>();
        if (send)
        {
            services.AddSingleton<WebhookMail>();
            services.AddSingleton<WebhookDispatcher>();
            services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
            services.AddHostedService<EventRetentionService>();
            if (storage.Provider == StorageProvider.Postgres)
            {
                services.AddHostedService(provider => new PostgresEventListener(
                    storage.ConnectionString, provider.GetRequiredService<EventSignal>(), provider.GetRequiredService<ILogger<PostgresEventListener>>()));
            }
        }

        return services;
    }
}
