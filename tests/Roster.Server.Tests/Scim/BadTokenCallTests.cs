using System.Net;
using System.Security.Cryptography;
using Roster.Directory.Provisioning;
using Roster.Directory.Tokens;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// Calls to an organization's SCIM URL with an unknown, expired or revoked token are counted for
/// its activity page: one counter per organization, kind, client and token, never a row per call
/// or per value sent, nothing for an organization that does not exist, nothing in another one's.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class BadTokenCallTests(RosterServerFixture server)
{
    private static DateTimeOffset Since => DateTimeOffset.UtcNow.AddHours(-1);

    [Fact]
    public async Task A_thousand_calls_with_random_tokens_leave_one_counter_and_nothing_elsewhere()
    {
        var tenant = await server.CreateTenantAsync();
        var other = await server.CreateTenantAsync();
        var nowhere = Guid.NewGuid();

        for (var batch = 0; batch < 50; batch++)
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(i => CallAsync(
                i == 0 ? nowhere : tenant.OrgId,
                // Half look like Roster's SCIM tokens, half like OAuth access tokens: both are values it does not know.
                (i % 2 == 0 ? "roster_scim_" : "") + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)))));
        }

        var calls = server.Services.GetRequiredService<BadTokenCalls>();
        var counted = Assert.Single(await calls.LatestAsync(tenant.OrgId, Since, 100, CancellationToken.None));
        Assert.Equal(BadTokenKinds.Unknown, counted.Kind);
        Assert.Equal("Okta", counted.Client);
        Assert.Null(counted.TokenId);
        Assert.InRange(counted.Count, 1, 950);
        Assert.Empty(await calls.LatestAsync(other.OrgId, Since, 100, CancellationToken.None));
        Assert.Empty(await calls.LatestAsync(nowhere, Since, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Revoked_and_expired_tokens_count_for_their_own_organization_and_as_unknown_at_another_ones_url()
    {
        var tenant = await server.CreateTenantAsync();
        var other = await server.CreateTenantAsync();
        var issue = server.Services.GetRequiredService<IssueOperatorScimToken>();
        var revoked = await issue.ExecuteAsync(tenant.OrgId, "Okta staging", null, CancellationToken.None);
        Assert.True(await server.Services.GetRequiredService<RevokeScimToken>().ExecuteAsync(tenant.OrgId, revoked.Id, CancellationToken.None));
        var expired = await issue.ExecuteAsync(tenant.OrgId, "Okta last year", DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);

        await CallAsync(tenant.OrgId, revoked.Token);
        await CallAsync(tenant.OrgId, expired.Token);
        await CallAsync(other.OrgId, revoked.Token);

        var calls = server.Services.GetRequiredService<BadTokenCalls>();
        var own = await calls.LatestAsync(tenant.OrgId, Since, 100, CancellationToken.None);
        Assert.Equal(2, own.Count);
        Assert.Contains(own, c => c is { Kind: BadTokenKinds.Revoked, Count: 1 } && c.TokenId == revoked.Id);
        Assert.Contains(own, c => c is { Kind: BadTokenKinds.Expired, Count: 1 } && c.TokenId == expired.Id);
        var elsewhere = Assert.Single(await calls.LatestAsync(other.OrgId, Since, 100, CancellationToken.None));
        Assert.Equal(BadTokenKinds.Unknown, elsewhere.Kind);
        Assert.Null(elsewhere.TokenId);
    }

    private async Task CallAsync(Guid orgId, string bearer)
    {
        using var http = server.CreateClient(bearer, $"scim/v2/{orgId}/");
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Okta SCIM Client 1.0.0");
        using var response = await http.GetAsync(new Uri("Users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
