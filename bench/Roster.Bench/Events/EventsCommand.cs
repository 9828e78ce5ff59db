using System.CommandLine;

namespace Roster.Bench.Events;

/// <summary><c>roster-bench events</c>: webhook cost on creates, commit-to-webhook latency, feed throughput, backlog drain.</summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        Option<string> baseUrl = new("--base-url") { Description = "The SCIM base URL with the org ID.", Required = true };
        Option<string> token = new("--token") { Description = "A SCIM bearer token.", Required = true };
        Option<string> adminUrl = new("--admin-url") { Description = "The tenant's admin API, .../api/v1/orgs/{orgId}.", Required = true };
        Option<string> tokenUrl = new("--token-url") { Description = "The OAuth token endpoint.", Required = true };
        Option<string> clientId = new("--client-id") { Description = "An access key ID whose owner holds events.read and webhooks.manage.", Required = true };
        Option<string> clientSecret = new("--client-secret") { Description = "Its secret.", Required = true };
        Option<string> phases = new("--phases") { Description = "Any of cost,latency,feed,backlog.", DefaultValueFactory = _ => "cost,latency,feed,backlog" };
        Option<int> rate = new("--rate") { Description = "Changes per second in the latency phase.", DefaultValueFactory = _ => 500 };
        Option<int> seconds = new("--seconds") { Description = "How long the latency phase runs.", DefaultValueFactory = _ => 20 };
        Option<int> costUsers = new("--cost-users") { Description = "Users created with and without an endpoint.", DefaultValueFactory = _ => 3000 };
        Option<int> concurrency = new("--concurrency") { Description = "Concurrent SCIM clients in the cost and backlog phases.", DefaultValueFactory = _ => 8 };
        Option<int> backlog = new("--backlog") { Description = "Changes made while the receiver is down.", DefaultValueFactory = _ => 100_000 };
        Option<int> outage = new("--outage-seconds") { Description = "How long the receiver is down.", DefaultValueFactory = _ => 600 };
        Command command = new("events", "Measure the change feed and webhooks of a running server (Roster Events).")
        {
            baseUrl, token, adminUrl, tokenUrl, clientId, clientSecret, phases, rate, seconds, costUsers, concurrency, backlog, outage,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            EventsBenchSettings settings = new()
            {
                ScimBaseUrl = new Uri(parsed.GetRequiredValue(baseUrl)),
                ScimToken = parsed.GetRequiredValue(token),
                AdminUrl = new Uri(parsed.GetRequiredValue(adminUrl)),
                TokenUrl = new Uri(parsed.GetRequiredValue(tokenUrl)),
                ClientId = parsed.GetRequiredValue(clientId),
                ClientSecret = parsed.GetRequiredValue(clientSecret),
                Phases = parsed.GetValue(phases)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Rate = parsed.GetValue(rate),
                Seconds = parsed.GetValue(seconds),
                CostUsers = parsed.GetValue(costUsers),
                Concurrency = parsed.GetValue(concurrency),
                Backlog = parsed.GetValue(backlog),
                OutageSeconds = parsed.GetValue(outage),
            };
            await using EventsBench bench = new(settings, Console.Out);
            return await bench.RunAsync(cancellationToken);
        });
        return command;
    }
}
