using Roster.Directory.Filtering;
using Roster.Directory.Tests.Support;
using Roster.Directory.Users;

namespace Roster.Directory.Tests.Users;

/// <summary>
/// Users stored before userName keys were prepared (NFC, width-mapped) get the new key when
/// the database is upgraded, so filters keep finding them; two that turn out to be one keep
/// their keys and are reported.
/// </summary>
public sealed class UserNameKeysTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Stored_keys_are_brought_to_the_prepared_form_and_filters_find_the_users_again()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var decomposed = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("cafe-old").Build(), None)).Ok();
        var fullwidth = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("ada-old").Build(), None)).Ok();
        var clash = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bob").Build(), None)).Ok();
        var twin = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bob-twin").Build(), None)).Ok();

        // As an earlier version stored them: the name as sent, the key its plain case fold.
        await StoreAsOldVersionAsync(directory, "cafe-old", "cafe\u0301");
        await StoreAsOldVersionAsync(directory, "ada-old", "\uFF41\uFF44\uFF41");
        await StoreAsOldVersionAsync(directory, "bob-twin", "\uFF42\uFF4F\uFF42");

        await using var context = directory.Database.CreateContext(Guid.Empty);
        var kept = await UserNameKeys.RefreshAsync(context, None);

        Assert.Equal([decomposed.Id], await FindAsync(directory, "userName eq \"caf\u00E9\""));
        Assert.Equal([decomposed.Id], await FindAsync(directory, "userName eq \"cafe\u0301\""));
        Assert.Equal([fullwidth.Id], await FindAsync(directory, "userName eq \"ada\""));
        Assert.Equal([clash.Id], await FindAsync(directory, "userName eq \"bob\""));
        Assert.Equal((directory.Caller.TenantId, Guid.Parse(twin.Id)), Assert.Single(kept));
    }

    private static Task StoreAsOldVersionAsync(TestDirectory directory, string current, string userName) =>
        directory.ExecuteSqlAsync($"UPDATE users SET user_name = '{userName}', user_name_key = '{CaseFolding.Fold(userName)}' WHERE user_name = '{current}'");

    private static async Task<List<string>> FindAsync(TestDirectory directory, string filter)
    {
        var page = (await directory.Users.ListAsync(directory.Caller, Requests.Query(filter), None)).Ok();
        return [.. page.Resources.Select(r => r.Id)];
    }
}
