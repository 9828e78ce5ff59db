using Roster.Directory.Tests.Support;
using Roster.Scim.Listing;

namespace Roster.Directory.Tests.Listing;

/// <summary>
/// Pages from <c>startIndex</c> 1,001 on are read another way (the skipped rows as ids only, then
/// the page's rows); they must hold exactly what the plain query would, in every order and filter.
/// </summary>
public sealed class DeepPageTests
{
    private const int Users = 1_060;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Deep_pages_hold_the_same_users_in_the_same_order()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var names = new List<string>();
        for (var i = 0; i < Users; i++)
        {
            var name = $"user{i:0000}";
            names.Add(name);
            var builder = new UserBuilder(name);
            if (i % 3 == 0)
            {
                builder = builder.WithName("Given", $"family{i % 7}");
            }

            (await directory.Users.CreateAsync(directory.Caller, builder.Build(), None)).Ok();
        }

        var ascending = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: "userName", startIndex: 1001, count: 50), None)).Ok();
        Assert.Equal(names.Order(StringComparer.Ordinal).Skip(1000).Take(50), ascending.Resources.Select(r => r.Text("userName")));
        Assert.Equal(Users, ascending.TotalResults);
        Assert.Equal(1001, ascending.StartIndex);

        var descending = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: "userName", order: SortOrder.Descending, startIndex: 1011, count: 100), None)).Ok();
        Assert.Equal(names.OrderDescending(StringComparer.Ordinal).Skip(1010), descending.Resources.Select(r => r.Text("userName")));

        var filtered = (await directory.Users.ListAsync(directory.Caller, Requests.Query(filter: "userName sw \"user1\"", sortBy: "userName", startIndex: 1, count: 100), None)).Ok();
        Assert.Equal(60, filtered.TotalResults);

        // The default order (by id) and a sort on a document attribute with missing values, across the line at 1,000.
        var byId = (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 1000), None)).Ok().Resources.Select(r => r.Id)
            .Concat((await directory.Users.ListAsync(directory.Caller, Requests.Query(startIndex: 1001, count: 1000), None)).Ok().Resources.Select(r => r.Id));
        Assert.Equal(Users, byId.Distinct().Count());

        var firstByFamily = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: "name.familyName", count: 1000), None)).Ok();
        var deepByFamily = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: "name.familyName", startIndex: 996, count: 65), None)).Ok();
        Assert.Equal(firstByFamily.Resources.Skip(995).Select(r => r.Id), deepByFamily.Resources.Take(5).Select(r => r.Id));
        Assert.Equal(65, deepByFamily.Resources.Count);
        Assert.Equal(Users, firstByFamily.Resources.Select(r => r.Id).Concat(deepByFamily.Resources.Skip(5).Select(r => r.Id)).Distinct().Count());
    }
}
