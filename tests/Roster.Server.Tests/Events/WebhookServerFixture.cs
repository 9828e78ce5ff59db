using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Events;

/// <summary>
/// A server whose webhooks may reach loopback receivers (the operator's allowance, as a deployment
/// with an internal receiver would set it), with short timeouts, leases and back-off so that
/// retries happen within a test.
/// </summary>
public class WebhookServerFixture : RosterServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Roster:RateLimits:Enabled"] = "false",
        ["Roster:Throttling:AuthorizePerAddress"] = "100000",
        ["Roster:Webhooks:AllowedNetworks"] = "127.0.0.0/8",
        ["Roster:Webhooks:TimeoutSeconds"] = "2",
        ["Roster:Webhooks:LeaseSeconds"] = "5",
        ["Roster:Webhooks:MaxBackoffSeconds"] = "1",
    };
}

/// <summary>The tests that need <see cref="WebhookServerFixture"/>; they share one server and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class WebhookCollectionDefinition : ICollectionFixture<WebhookServerFixture>
{
    public const string Name = "webhooks";
}
