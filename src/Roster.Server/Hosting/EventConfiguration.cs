using System.Globalization;
using Roster.Directory.Events;
using Roster.Directory.Webhooks;

namespace Roster.Server.Hosting;

/// <summary>
/// Reads the feed's and the webhooks' settings: <c>Roster:Events:RetentionDays</c> (30), and under
/// <c>Roster:Webhooks</c>: <c>AllowedNetworks</c> (a list, or one comma-separated value, of CIDR
/// networks endpoints may reach although internal), <c>TimeoutSeconds</c> (10),
/// <c>LeaseSeconds</c> (60), <c>GiveUpAfterHours</c> (72), <c>MaxBackoffSeconds</c> (300),
/// <c>SecretOverlapHours</c> (24), <c>Concurrency</c> (32) and <c>Send</c> (true).
/// </summary>
public static class EventConfiguration
{
    public static EventFeedOptions ReadFeed(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(EventFeedOptions.Section);
        var options = new EventFeedOptions();
        if (Number(section, "RetentionDays") is { } days)
        {
            options.Retention = TimeSpan.FromDays(days);
        }

        return options;
    }

    public static WebhookOptions ReadWebhooks(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(WebhookOptions.Section);
        var options = new WebhookOptions();
        var networks = section["AllowedNetworks"] is { Length: > 0 } joined
            ? joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetSection("AllowedNetworks").GetChildren().Select(c => c.Value).OfType<string>();
        foreach (var network in networks)
        {
            options.AllowedNetworks.Add(network);
        }

        options.Timeout = Seconds(section, "TimeoutSeconds") ?? options.Timeout;
        options.Lease = Seconds(section, "LeaseSeconds") ?? options.Lease;
        options.MaxBackoff = Seconds(section, "MaxBackoffSeconds") ?? options.MaxBackoff;
        options.GiveUpAfter = Number(section, "GiveUpAfterHours") is { } hours ? TimeSpan.FromHours(hours) : options.GiveUpAfter;
        options.SecretOverlap = Number(section, "SecretOverlapHours") is { } overlap ? TimeSpan.FromHours(overlap) : options.SecretOverlap;
        options.Concurrency = (int?)Number(section, "Concurrency") ?? options.Concurrency;
        options.SendEnabled = !string.Equals(section["Send"], "false", StringComparison.OrdinalIgnoreCase);
        if (options.Lease <= options.Timeout)
        {
            throw new InvalidOperationException($"{WebhookOptions.Section}:LeaseSeconds must be longer than TimeoutSeconds, or a slow request would outlive its lease and be sent twice.");
        }

        _ = new WebhookNetworkPolicy(options);
        return options;
    }

    private static TimeSpan? Seconds(IConfigurationSection section, string key) => Number(section, key) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static double? Number(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;
}
