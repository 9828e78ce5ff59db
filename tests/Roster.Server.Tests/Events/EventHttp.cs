using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Events;

/// <summary>Reading the feed and managing webhooks through the admin API, as a consumer would.</summary>
public static class EventHttp
{
    public static async Task<JsonObject> ReadFeedAsync(this HttpClient admin, long after, string? extra = null)
    {
        var response = await admin.GetAsync($"events?after={after}{extra}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET events?after={after}{extra}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadObjectAsync();
    }

    /// <summary>Every event after <paramref name="after"/>, page by page.</summary>
    public static async Task<List<JsonObject>> ReadAllAsync(this HttpClient admin, long after = 0, string? extra = null)
    {
        var events = new List<JsonObject>();
        while (true)
        {
            var page = await admin.ReadFeedAsync(after, extra);
            var batch = page["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
            events.AddRange(batch);
            var next = long.Parse((string)page["next"]!, System.Globalization.CultureInfo.InvariantCulture);
            if (batch.Count == 0 || next == after)
            {
                return events;
            }

            after = next;
        }
    }

    /// <summary>Registers an endpoint and returns (id, secret).</summary>
    public static async Task<(string Id, string Secret)> RegisterWebhookAsync(this HttpClient admin, string url, params string[] eventTypes)
    {
        var response = await admin.PostAsJsonAsync("webhooks", new { url, description = "Test receiver", eventTypes });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.ReadObjectAsync();
        return ((string)created["endpoint"]!["id"]!, (string)created["secret"]!);
    }

    /// <summary>An administrator holding every permission, on a new tenant.</summary>
    public static Task<AdminSession> CreateWebhookAdminAsync(this RosterServerFixture server) =>
        server.CreateAdminAsync([.. Roster.Directory.Roles.Permission.All.Select(p => p.Key)]);
}
