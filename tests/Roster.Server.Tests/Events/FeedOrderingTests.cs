using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Events;

/// <summary>
/// The feed's promise under load: writers of one tenant race (SCIM creates and PATCHes on eight
/// connections) while a consumer reads; it must see every sequence once, in order, with no gap,
/// and at the end exactly one event per write.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class FeedOrderingTests(RosterServerFixture server)
{
    private const int Writers = 8;
    private const int WritesEach = 25;

    [Fact]
    public async Task Concurrent_writers_and_a_reader_leave_no_gap_and_lose_nothing()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var head = long.Parse((string)(await admin.Http.ReadFeedAsync(0, "&limit=1"))["head"]!, System.Globalization.CultureInfo.InvariantCulture);
        var reader = new FeedReader(head);
        using var done = new CancellationTokenSource();

        var reading = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                if (await reader.ReadAsync(admin.Http) == 0)
                {
                    await reader.ReadAsync(admin.Http, "&wait=0.2");
                }
            }
        });
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(admin.Tenant.Scim, w))));
        await done.CancelAsync();
        await reading;
        while (await reader.ReadAsync(admin.Http) > 0)
        {
        }

        Assert.Empty(reader.Gaps);
        Assert.Equal(Writers * WritesEach, reader.Types.Count);
        Assert.Equal(Writers * ((WritesEach + 4) / 5), reader.Types.Count(t => t == "user.created"));
    }

    private static async Task WriteAsync(HttpClient scim, int writer)
    {
        string? user = null;
        for (var i = 0; i < WritesEach; i++)
        {
            if (i % 5 == 0)
            {
                user = (await scim.CreateUserAsync($"race-{writer}-{i}-{Guid.NewGuid():N}@example.com")).Id();
                continue;
            }

            var patched = await scim.PatchAsync($"Users/{user}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"T{{i}}"}]}""");
            Assert.True(patched.IsSuccessStatusCode, await patched.Content.ReadAsStringAsync());
        }
    }
}
