using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using StandardWebhooks;

namespace Roster.Server.Tests.Events;

/// <summary>Deliveries to real receivers (Kestrel on loopback): signing, order per resource, retries, timeouts, rotation, test events.</summary>
[Collection(WebhookCollectionDefinition.Name)]
public sealed class WebhookDeliveryTests(WebhookServerFixture server)
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_scim_create_reaches_the_endpoint_signed_within_a_second_and_the_standardwebhooks_package_verifies_it()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        var admin = await server.CreateWebhookAdminAsync();
        var (_, secret) = await admin.Http.RegisterWebhookAsync(receiver.Url, "user.*");

        var user = await admin.Tenant.Scim.CreateUserAsync("hook-alice@example.com");
        var committed = Stopwatch.StartNew();
        await receiver.WaitUntilAsync(r => r.Count >= 1, Bound, "the user.created delivery");
        var latency = committed.Elapsed;

        var delivery = Assert.Single(receiver.Received);
        Assert.True(latency < TimeSpan.FromSeconds(1), $"The delivery arrived {latency.TotalMilliseconds:0} ms after the SCIM create answered.");
        Assert.Equal("user.created", delivery.Type);
        Assert.Equal(user.Id(), delivery.ResourceId);
        Assert.Equal((string)delivery.Event["id"]!, delivery.Id);
        new StandardWebhook(secret).Verify(delivery.Body, Headers(delivery));
        var (verified, output) = await StandardWebhooksCheck.VerifyAsync(secret, delivery);
        Assert.True(verified, output);
        Assert.Equal("verified user.created", output);

        // The same event, in the same JSON, is in the feed.
        var fed = (await admin.Http.ReadAllAsync(delivery.Sequence - 1)).First();
        Assert.Equal(delivery.Body, fed.ToJsonString());
    }

    [Fact]
    public async Task A_tampered_body_or_a_wrong_secret_does_not_verify()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        var admin = await server.CreateWebhookAdminAsync();
        var (_, secret) = await admin.Http.RegisterWebhookAsync(receiver.Url, "user.*");
        await admin.Tenant.Scim.CreateUserAsync("hook-tamper@example.com");
        await receiver.WaitUntilAsync(r => r.Count >= 1, Bound, "a delivery");
        var delivery = receiver.Received[0];

        Assert.False((await StandardWebhooksCheck.VerifyAsync(secret, delivery with { Body = delivery.Body.Replace("hook-tamper", "hook-tampered", StringComparison.Ordinal) })).Verified);
        Assert.False((await StandardWebhooksCheck.VerifyAsync("whsec_" + Convert.ToBase64String(new byte[32]), delivery)).Verified);
    }

    [Fact]
    public async Task A_receiver_down_for_a_while_then_back_gets_every_event_in_order_per_resource()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        var admin = await server.CreateWebhookAdminAsync();
        var (id, _) = await admin.Http.RegisterWebhookAsync(receiver.Url, "user.*");
        var head = long.Parse((string)(await admin.Http.ReadFeedAsync(0, "&limit=1"))["head"]!, System.Globalization.CultureInfo.InvariantCulture);
        await receiver.StopAsync();

        var users = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            users.Add((await admin.Tenant.Scim.CreateUserAsync($"hook-down-{i}@example.com")).Id());
        }

        for (var round = 0; round < 3; round++)
        {
            foreach (var user in users)
            {
                var patched = await admin.Tenant.Scim.PatchAsync($"Users/{user}", $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"title","value":"Round {{round}}"}]}""");
                Assert.True(patched.IsSuccessStatusCode);
            }
        }

        await Eventually.HoldsAsync(async () => (int)(await (await admin.Http.GetAsync($"webhooks/{id}")).ReadObjectAsync())["failures"]! > 0, Bound, "the endpoint to be failing");
        await receiver.StartAsync();
        var expected = (await admin.Http.ReadAllAsync(head, "&types=user.*")).Select(e => (string)e["id"]!).ToHashSet();
        Assert.Equal(12, expected.Count);
        await receiver.WaitUntilAsync(r => expected.IsSubsetOf(r.Where(x => x.AnsweredWith == 204).Select(x => x.Id)), Bound, "all 12 events");

        AssertInOrderPerResource(receiver.Accepted);

        // The sender records a round's outcomes after the receiver has answered them all.
        await Eventually.HoldsAsync(
            async () =>
            {
                var endpoint = await (await admin.Http.GetAsync($"webhooks/{id}")).ReadObjectAsync();
                return (int)endpoint["failures"]! == 0 && (long)endpoint["pending"]! == 0;
            },
            Bound,
            "the endpoint to have no failure and nothing pending");
    }

    [Fact]
    public async Task Errors_and_timeouts_are_tried_again_and_the_delivery_log_shows_each_attempt()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        var answers = new Queue<(int, TimeSpan)>([(500, TimeSpan.Zero), (204, TimeSpan.FromSeconds(4))]);
        receiver.Answer = _ => answers.TryDequeue(out var next) ? next : (204, TimeSpan.Zero);
        var admin = await server.CreateWebhookAdminAsync();
        var (id, _) = await admin.Http.RegisterWebhookAsync(receiver.Url, "user.*");

        await admin.Tenant.Scim.CreateUserAsync("hook-retry@example.com");
        await receiver.WaitUntilAsync(r => r.Any(x => x.AnsweredWith == 204 && r.Count >= 3), Bound, "a third request that is answered in time");

        var attempts = (await (await admin.Http.GetAsync($"webhooks/{id}/attempts")).Content.ReadFromJsonAsync<List<AttemptLine>>())!;
        await Eventually.HoldsAsync(async () => (attempts = (await admin.Http.GetFromJsonAsync<List<AttemptLine>>($"webhooks/{id}/attempts"))!).Count >= 3, Bound, "three log lines");
        Assert.Equal([3, 2, 1], attempts.Select(a => a.Attempt));
        Assert.True(attempts[0].Succeeded);
        Assert.Null(attempts[1].ResponseStatus);
        Assert.Contains("No answer within 2 seconds", attempts[1].Error, StringComparison.Ordinal);
        Assert.Equal(500, attempts[2].ResponseStatus);
        Assert.Equal("receiver says no", attempts[2].Response);
        Assert.Contains("webhook-id: ", attempts[2].Request, StringComparison.Ordinal);
        Assert.DoesNotContain("webhook-signature", attempts[2].Request, StringComparison.Ordinal);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task A_slow_receiver_gets_one_resource_s_events_one_after_the_other_in_order()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        receiver.Answer = _ => (200, TimeSpan.FromMilliseconds(200));
        var admin = await server.CreateWebhookAdminAsync();
        await admin.Http.RegisterWebhookAsync(receiver.Url, "user.*");

        var user = (await admin.Tenant.Scim.CreateUserAsync("hook-slow@example.com")).Id();
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await admin.Tenant.Scim.PatchAsync($"Users/{user}", $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"title","value":"T{{i}}"}]}""")).IsSuccessStatusCode);
        }

        await receiver.WaitUntilAsync(r => r.Count(x => x.AnsweredWith == 200) >= 5, Bound, "five events of one user");
        Assert.Equal([1L, 2, 3, 4, 5], receiver.Accepted.Select(r => (long)r.Event["resource"]!["version"]!));
    }

    [Fact]
    public async Task During_a_rotation_both_secrets_verify_and_after_it_only_the_new_one()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        var admin = await server.CreateWebhookAdminAsync();
        var (id, first) = await admin.Http.RegisterWebhookAsync(receiver.Url, "user.*");
        var rotated = await (await admin.Http.PostAsJsonAsync($"webhooks/{id}/rotate-secret", new { })).ReadObjectAsync();
        var second = (string)rotated["secret"]!;
        Assert.NotNull(rotated["endpoint"]!["previousSecretExpires"]);

        await admin.Tenant.Scim.CreateUserAsync("hook-rotate-1@example.com");
        await receiver.WaitUntilAsync(r => r.Count >= 1, Bound, "a delivery during the rotation");
        var during = receiver.Received[0];
        Assert.Equal(2, during.Signature.Split(' ').Length);
        Assert.True((await StandardWebhooksCheck.VerifyAsync(first, during)).Verified);
        Assert.True((await StandardWebhooksCheck.VerifyAsync(second, during)).Verified);

        var third = (string)(await (await admin.Http.PostAsJsonAsync($"webhooks/{id}/rotate-secret", new { keepPreviousHours = 0 })).ReadObjectAsync())["secret"]!;
        await admin.Tenant.Scim.CreateUserAsync("hook-rotate-2@example.com");
        await receiver.WaitUntilAsync(r => r.Count >= 2, Bound, "a delivery after the rotation");
        var after = receiver.Received[1];
        Assert.Single(after.Signature.Split(' '));
        Assert.False((await StandardWebhooksCheck.VerifyAsync(second, after)).Verified);
        Assert.True((await StandardWebhooksCheck.VerifyAsync(third, after)).Verified);
    }

    [Fact]
    public async Task A_test_event_is_signed_sent_now_and_logged()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        var admin = await server.CreateWebhookAdminAsync();
        var (id, secret) = await admin.Http.RegisterWebhookAsync(receiver.Url);

        var sent = await (await admin.Http.PostAsJsonAsync($"webhooks/{id}/test", new { })).ReadObjectAsync();

        Assert.True((bool)sent["succeeded"]!, sent.ToJsonString());
        var test = Assert.Single(receiver.Received);
        Assert.Equal("webhook.test", test.Type);
        Assert.Equal("verified webhook.test", (await StandardWebhooksCheck.VerifyAsync(secret, test)).Output);
        var log = (await admin.Http.GetFromJsonAsync<List<AttemptLine>>($"webhooks/{id}/attempts"))!;
        Assert.Equal("webhook.test", Assert.Single(log).Type);
    }

    [Fact]
    public async Task An_endpoint_receives_only_the_types_it_subscribed_to()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        var admin = await server.CreateWebhookAdminAsync();
        await admin.Http.RegisterWebhookAsync(receiver.Url, "group.*");

        await admin.Tenant.Scim.CreateUserAsync("hook-types@example.com");
        await admin.Tenant.Scim.CreateGroupAsync("Hook types");
        await receiver.WaitUntilAsync(r => r.Count >= 1, Bound, "the group event");

        Assert.Equal(["group.created"], receiver.Received.Select(r => r.Type));
    }

    [Fact]
    public async Task Webhook_endpoints_need_webhooks_manage_and_a_bad_url_is_a_problem_naming_it()
    {
        var reader = await server.CreateAdminAsync("events.read");
        var refused = await reader.Http.PostAsJsonAsync("webhooks", new { url = "https://hooks.invalid/x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync("webhooks")).StatusCode);

        var admin = await server.CreateWebhookAdminAsync();
        foreach (var (url, says) in new[] { ("ftp://hooks.invalid/x", "not an http or https URL"), ("https://user:pw@hooks.invalid/x", "user name"), ("", "Give the endpoint's URL") })
        {
            var response = await admin.Http.PostAsJsonAsync("webhooks", new { url });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ReadObjectAsync();
            Assert.Contains(says, (string)problem["detail"]!, StringComparison.Ordinal);
            Assert.NotNull(problem["errors"]!["url"]);
        }

        var badType = await admin.Http.PostAsJsonAsync("webhooks", new { url = "https://hooks.invalid/x", eventTypes = new[] { "user.exploded" } });
        Assert.NotNull((await badType.ReadObjectAsync())["errors"]!["eventTypes"]);
    }

    internal static void AssertInOrderPerResource(IEnumerable<ReceivedWebhook> received)
    {
        foreach (var resource in received.GroupBy(r => r.ResourceId))
        {
            var sequences = resource.Select(r => r.Sequence).ToList();
            for (var i = 1; i < sequences.Count; i++)
            {
                Assert.True(sequences[i] >= sequences[i - 1], $"Resource {resource.Key} received {string.Join(", ", sequences)}: out of order.");
            }
        }
    }

    private static HeaderDictionary Headers(ReceivedWebhook webhook) => new()
    {
        ["webhook-id"] = webhook.Id,
        ["webhook-timestamp"] = webhook.Timestamp,
        ["webhook-signature"] = webhook.Signature,
    };

    private sealed record AttemptLine(int Attempt, string Type, int? ResponseStatus, string? Response, string? Error, string Request, bool Succeeded);
}
