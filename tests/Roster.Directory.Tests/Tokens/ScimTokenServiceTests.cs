using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Tests.Support;
using Roster.Directory.Tokens;
using Roster.Storage.Sqlite;

namespace Roster.Directory.Tests.Tokens;

public sealed partial class ScimTokenServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_issued_token_has_the_recognisable_format_and_authenticates_for_its_tenant()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var issued = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(directory.Caller.TenantId, "Okta", TestDirectory.Start.AddDays(365), None);
        var result = await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None);

        Assert.Matches(TokenShape(), issued.Token);
        Assert.Equal("Okta", issued.Name);
        Assert.True(result.Succeeded);
        Assert.Equal(directory.Caller.TenantId, result.TenantId);
        Assert.Equal(issued.Id, result.TokenId);
        Assert.Null(result.FailureReason);
    }

    [SqliteFact]
    public async Task Only_the_SHA256_hash_and_a_hint_are_stored()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var issued = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(directory.Caller.TenantId, "Entra", null, None);

        await using var db = directory.Database.CreateContext(directory.Caller.TenantId);
        var stored = await db.ScimTokens.SingleAsync();
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Token)), stored.Hash);
        Assert.Equal(issued.Token[^4..], stored.Hint);
        var file = await File.ReadAllBytesAsync(directory.FilePath);
        Assert.Equal(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(issued.Token[12..])));
    }

    [PostgresFact]
    public async Task Only_the_SHA256_hash_and_a_hint_are_stored_on_postgres()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var issued = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(directory.Caller.TenantId, "Entra", null, None);

        var rows = await directory.QuerySqlAsync("SELECT t::text FROM scim_tokens AS t");
        Assert.Single(rows);
        Assert.DoesNotContain(issued.Token[12..], rows[0]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer something")]
    [InlineData("roster_scim_tooShort")]
    [InlineData("ghp_0123456789012345678901234567890123456789012345")]
    public async Task A_malformed_token_is_refused_without_reading_the_database(string presented)
    {
        var verifier = Unreachable();

        var result = await verifier.VerifyAsync(presented, null, None);

        Assert.False(result.Succeeded);
        Assert.Equal("The token is not valid.", result.FailureReason);
    }

    [Fact]
    public async Task A_token_with_a_wrong_checksum_is_refused_without_reading_the_database()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var issued = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(directory.Caller.TenantId, "Okta", null, None);
        var verifier = Unreachable();
        var typo = issued.Token[..20] + (issued.Token[20] == 'a' ? 'b' : 'a') + issued.Token[21..];

        Assert.True((await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None)).Succeeded);
        Assert.Equal("The token is not valid.", (await verifier.VerifyAsync(typo, null, None)).FailureReason);
    }

    [Fact]
    public async Task A_well_formed_token_that_was_never_issued_is_not_valid()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var mine = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(directory.Caller.TenantId, "Okta", null, None);
        await using var elsewhere = await TestDirectory.CreateAsync();

        var result = await elsewhere.Get<ScimTokenVerifier>().VerifyAsync(mine.Token, null, None);

        Assert.False(result.Succeeded);
        Assert.Equal("The token is not valid.", result.FailureReason);
    }

    [Fact]
    public async Task A_token_stops_working_when_it_expires()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var issued = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(directory.Caller.TenantId, "Okta", TestDirectory.Start.AddDays(30), None);

        directory.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.True((await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None)).Succeeded);
        directory.Advance(TimeSpan.FromSeconds(1));
        var result = await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None);

        Assert.False(result.Succeeded);
        Assert.Equal("The token has expired.", result.FailureReason);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var issued = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(directory.Caller.TenantId, "Okta", null, None);
        var other = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(directory.Caller.TenantId, "Entra", null, None);

        Assert.True(await directory.Get<RevokeScimToken>().ExecuteAsync(directory.Caller.TenantId, issued.Id, None));

        var result = await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None);
        Assert.Equal("The token has been revoked.", result.FailureReason);
        Assert.True((await directory.Get<ScimTokenVerifier>().VerifyAsync(other.Token, null, None)).Succeeded);
        var listed = await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None);
        Assert.Equal(TestDirectory.Start, listed.Single(t => t.Id == issued.Id).Revoked);
        Assert.Null(listed.Single(t => t.Id == other.Id).Revoked);
    }

    private static ScimTokenVerifier Unreachable()
    {
        var database = new DirectoryDatabase(new UnreachableDatabase(), new SqliteDialect(), new OpenWriteGate());
        return new ScimTokenVerifier(database, TimeProvider.System);
    }

    [Fact]
    public async Task Revoking_an_unknown_token_or_another_tenants_token_is_false()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var b = await directory.NewTenantAsync("Tenant B");
        var theirs = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(b.TenantId, "Okta", null, None);

        Assert.False(await directory.Get<RevokeScimToken>().ExecuteAsync(directory.Caller.TenantId, Guid.NewGuid(), None));
        Assert.False(await directory.Get<RevokeScimToken>().ExecuteAsync(directory.Caller.TenantId, theirs.Id, None));
        Assert.True((await directory.Get<ScimTokenVerifier>().VerifyAsync(theirs.Token, null, None)).Succeeded);
        Assert.Empty(await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None));
    }

    [Fact]
    public async Task Last_used_is_written_at_most_once_a_minute()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var issued = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(directory.Caller.TenantId, "Okta", null, None);

        await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None);
        var first = await LastUsedAsync(directory, issued.Id);
        directory.Advance(TimeSpan.FromSeconds(30));
        await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None);
        var unchanged = await LastUsedAsync(directory, issued.Id);
        directory.Advance(TimeSpan.FromSeconds(31));
        await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None);
        var later = await LastUsedAsync(directory, issued.Id);

        Assert.Equal(TestDirectory.Start, first);
        Assert.Equal(TestDirectory.Start, unchanged);
        Assert.Equal(TestDirectory.Start.AddSeconds(61), later);
    }

    [Fact]
    public async Task The_list_shows_name_hint_and_times_but_never_the_secret()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var issued = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(directory.Caller.TenantId, "Okta", TestDirectory.Start.AddDays(365), None);

        var summary = Assert.Single(await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None));

        Assert.Equal(issued.Id, summary.Id);
        Assert.Equal("Okta", summary.Name);
        Assert.Equal(issued.Token[^4..], summary.Hint);
        Assert.Equal(TestDirectory.Start, summary.Created);
        Assert.Equal(TestDirectory.Start.AddDays(365), summary.Expires);
        Assert.Null(summary.LastUsed);
    }

    [Fact]
    public async Task Issuing_for_an_unknown_tenant_fails()
    {
        await using var directory = await TestDirectory.CreateAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => directory.Get<IssueOperatorScimToken>().ExecuteAsync(Guid.NewGuid(), "Okta", null, None));
    }

    private static async Task<DateTimeOffset?> LastUsedAsync(TestDirectory directory, Guid tokenId) =>
        (await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None)).Single(t => t.Id == tokenId).LastUsed;

    [GeneratedRegex("^roster_scim_[0-9A-Za-z]{46}$")]
    private static partial Regex TokenShape();

    /// <summary>A database that fails the test if anything tries to use it.</summary>
    private sealed class UnreachableDatabase : IDbContextFactory<RosterDbContext>
    {
        public RosterDbContext CreateDbContext() => throw new InvalidOperationException("The database was read.");
    }
}
