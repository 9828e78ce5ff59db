using System.Net;
using Roster.Directory.Tests.Support;
using Roster.Scim.Errors;
using Roster.Scim.Listing;

namespace Roster.Directory.Tests.Listing;

public sealed class CursorPagingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(null, SortOrder.Ascending)]
    [InlineData("userName", SortOrder.Descending)]
    [InlineData("name.familyName", SortOrder.Ascending)]
    public async Task A_walk_during_creates_and_deletes_sees_every_lasting_user_exactly_once(string? sortBy, SortOrder order)
    {
        await using var directory = await TestDirectory.CreateAsync();
        var lasting = new HashSet<string>();
        var doomed = new Queue<string>();
        for (var i = 0; i < 300; i++)
        {
            var builder = new UserBuilder($"lasting{i:000}");
            if (i % 3 != 0)
            {
                builder.WithName("Given", $"Family{i % 7}");
            }

            lasting.Add((await directory.Users.CreateAsync(directory.Caller, builder.Build(), None)).Ok().Id);
            doomed.Enqueue((await directory.Users.CreateAsync(directory.Caller, new UserBuilder($"doomed{i:000}").WithName("G", $"Family{i % 5}").Build(), None)).Ok().Id);
        }

        using var stop = new CancellationTokenSource();
        var background = Task.Run(async () =>
        {
            // Bounded: with a sort on a non-unique attribute, new rows keep landing ahead of the
            // walk, so an unbounded writer would keep the walk (and the WAL) growing for ever.
            for (var i = 0; i < 300 && !stop.IsCancellationRequested; i++)
            {
                (await directory.Users.CreateAsync(directory.Caller, new UserBuilder($"background{i:0000}").WithName("B", $"Family{i % 4}").Build(), None)).Ok();
            }
        });

        var seen = new List<string>();
        var cursor = "";
        var pages = 0;
        while (true)
        {
            var page = (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 25, sortBy: sortBy, order: order, cursor: cursor), None)).Ok();
            seen.AddRange(page.Resources.Select(r => r.Id));
            pages++;

            // Between pages: new users appear and others vanish, before and after the walk's position.
            for (var i = 0; i < 5 && doomed.Count > 0; i++)
            {
                (await directory.Users.DeleteAsync(directory.Caller, doomed.Dequeue(), null, None)).Ok();
                (await directory.Users.CreateAsync(directory.Caller, new UserBuilder($"late{pages:000}-{i}").WithName("L", $"Family{i}").Build(), None)).Ok();
            }

            if (page.NextCursor is null)
            {
                break;
            }

            Assert.True(pages < 200, "The cursor walk did not end: it kept finding new pages.");
            cursor = page.NextCursor;
        }

        await stop.CancelAsync();
        await background;
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(lasting.Except(seen));
    }

    [Fact]
    public async Task The_last_page_has_no_next_cursor_and_the_first_page_knows_the_total()
    {
        await using var directory = await TestDirectory.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            (await directory.Users.CreateAsync(directory.Caller, new UserBuilder($"u{i}").Build(), None)).Ok();
        }

        var first = (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 3, cursor: ""), None)).Ok();
        var second = (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 3, cursor: first.NextCursor), None)).Ok();

        Assert.Equal(3, first.Resources.Count);
        Assert.NotNull(first.NextCursor);
        Assert.Equal(5, first.TotalResults);
        Assert.Equal(2, second.Resources.Count);
        Assert.Null(second.NextCursor);
        Assert.Equal(5, second.TotalResults);
    }

    [Fact]
    public async Task A_malformed_tampered_or_foreign_cursor_is_400_invalidCursor()
    {
        await using var directory = await TestDirectory.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            (await directory.Users.CreateAsync(directory.Caller, new UserBuilder($"u{i}").Build(), None)).Ok();
        }

        var cursor = (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 1, cursor: ""), None)).Ok().NextCursor!;
        var tampered = (cursor[0] == 'A' ? 'B' : 'A') + cursor[1..];

        var errors = new List<ScimError>
        {
            (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 1, cursor: "not a cursor!"), None)).Failed(),
            (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 1, cursor: "AAAA"), None)).Failed(),
            (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 1, cursor: tampered), None)).Failed(),
            (await directory.Users.ListAsync(directory.Caller, Requests.Query("userName pr", count: 1, cursor: cursor), None)).Failed(),
            (await directory.Groups.ListAsync(directory.Caller, Requests.Query(count: 1, cursor: cursor), None)).Failed(),
        };

        Assert.All(errors, e =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, e.Status);
            Assert.Equal(ScimErrorTypes.InvalidCursor, e.ScimType);
        });
    }

    [Fact]
    public async Task A_cursor_of_one_tenant_reveals_nothing_in_another()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        for (var i = 0; i < 3; i++)
        {
            (await directory.Users.CreateAsync(other, new UserBuilder($"b{i}").Build(), None)).Ok();
        }

        var cursor = (await directory.Users.ListAsync(other, Requests.Query(count: 1, cursor: ""), None)).Ok().NextCursor!;

        var error = (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 1, cursor: cursor), None)).Failed();
        Assert.Equal(ScimErrorTypes.InvalidCursor, error.ScimType);
    }
}
