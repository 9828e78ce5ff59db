using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Events;

/// <summary>A webhook server whose clock the test moves: three days of failures pass in a moment.</summary>
public sealed class FakeClockWebhookFixture : WebhookServerFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServer(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(Clock);
    }
}

/// <summary>
/// An endpoint that fails for three days: disabled, its events dead letters, its administrators
/// emailed; redelivering one or all sends them once it answers again, and events committed
/// while it was disabled follow.
/// </summary>
public sealed class WebhookGiveUpTests(FakeClockWebhookFixture server) : IClassFixture<FakeClockWebhookFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_three_days_of_failures_the_endpoint_is_disabled_its_administrators_told_and_its_dead_letters_redelivered()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        var admin = await server.CreateWebhookAdminAsync();
        var (id, _) = await admin.Http.RegisterWebhookAsync(receiver.Url, "user.*");
        await receiver.StopAsync();
        var first = (await admin.Tenant.Scim.CreateUserAsync("giveup-1@example.com")).Id();
        var second = (await admin.Tenant.Scim.CreateUserAsync("giveup-2@example.com")).Id();
        await Eventually.HoldsAsync(async () => (int)(await EndpointAsync(admin.Http, id))["failures"]! > 0, Bound, "a failed attempt");

        // Almost three days: still trying.
        server.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(async () => (int)(await EndpointAsync(admin.Http, id))["failures"]! > 1, Bound, "another failed attempt");
        Assert.True((bool)(await EndpointAsync(admin.Http, id))["enabled"]!);

        server.Clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.HoldsAsync(async () => !(bool)(await EndpointAsync(admin.Http, id))["enabled"]!, Bound, "the endpoint to be disabled");
        var endpoint = await EndpointAsync(admin.Http, id);
        Assert.Equal(2, (long)endpoint["deadLetters"]!);
        Assert.Contains("failed for 72 hours", (string)endpoint["disabledReason"]!, StringComparison.Ordinal);
        var mail = server.Mail.LastTo(admin.Email);
        Assert.Contains(receiver.Url, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2 events are waiting as dead letters", mail.TextBody, StringComparison.Ordinal);

        // A change while it is disabled is kept in the feed and follows once it is enabled again.
        var third = (await admin.Tenant.Scim.CreateUserAsync("giveup-3@example.com")).Id();
        var dead = (await admin.Http.GetFromJsonAsync<JsonArray>($"webhooks/{id}/deliveries?state=dead"))!;
        Assert.Equal([first, second], dead.Select(d => (string)d!["resourceId"]!));

        await receiver.StartAsync();
        var one = await admin.Http.PostAsJsonAsync($"webhooks/{id}/redeliver", new { deliveryId = (string)dead[1]!["id"]! });
        Assert.Equal(1, (long)(await one.ReadObjectAsync())["redelivered"]!);
        await WaitWhileTimePassesAsync(receiver, r => r.Any(x => x.ResourceId == second) && r.Any(x => x.ResourceId == third), "the redelivered one and the change made while disabled");
        Assert.DoesNotContain(receiver.Received, r => r.ResourceId == first);
        Assert.Single((await admin.Http.GetFromJsonAsync<JsonArray>($"webhooks/{id}/deliveries?state=dead"))!);

        var all = await admin.Http.PostAsJsonAsync($"webhooks/{id}/redeliver", new { });
        Assert.Equal(1, (long)(await all.ReadObjectAsync())["redelivered"]!);
        await WaitWhileTimePassesAsync(receiver, r => r.Any(x => x.ResourceId == first), "the last dead letter");
        endpoint = await EndpointAsync(admin.Http, id);
        Assert.True((bool)endpoint["enabled"]!);
        Assert.Equal(0, (long)endpoint["deadLetters"]!);
    }

    // The server's clock is fake and stands still unless the test moves it: an attempt that failed
    // while the restarted receiver came up (a busy machine) is retried after its back-off, which
    // only passes if time does. A minute a poll lets any back-off of the first retries pass, as it
    // would in a real deployment, without touching the three days the endpoint gives up after.
    private async Task WaitWhileTimePassesAsync(WebhookReceiver receiver, Func<IReadOnlyList<ReceivedWebhook>, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!done(receiver.Received) && DateTime.UtcNow < deadline)
        {
            server.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        await receiver.WaitUntilAsync(done, TimeSpan.FromSeconds(1), what);
    }

    private static async Task<JsonObject> EndpointAsync(HttpClient admin, string id) => (await admin.GetFromJsonAsync<JsonObject>($"webhooks/{id}"))!;
}
