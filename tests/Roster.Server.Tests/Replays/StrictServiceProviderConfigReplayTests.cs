using System.Net;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Seeds;

namespace Roster.Server.Tests.Replays;

/// <summary>
/// A client library that validates <c>/ServiceProviderConfig</c> against RFC 7643 alone refuses
/// RFC 9865's <c>pagination</c> object and stops. The tenant's <c>advertiseCursorPaging</c>
/// setting (on by default) leaves it out for such a client; cursor paging itself keeps working.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class StrictServiceProviderConfigReplayTests(RosterServerFixture server)
{
    private static readonly HashSet<string> Rfc7643Keys =
    [
        "schemas", "documentationUri", "patch", "bulk", "filter", "changePassword", "sort", "etag", "authenticationSchemes", "meta",
    ];

    [Fact]
    public async Task With_the_advert_off_every_top_level_key_is_rfc_7643_or_a_listed_extension_and_cursors_still_work()
    {
        var console = await SeedConsole.SignInAsync(server);
        var settings = await console.SaveScimSettingsAsync(enabled: true, advertiseCursorPaging: false);
        var token = await console.IssueScimTokenAsync("Strict client");
        var scim = console.IdentityProvider(settings["baseConnectorUrl"]!.GetValue<string>(), token.Token, "strict-scim-client/1.0");
        await scim.CreateUserAsync("strict.one@example.com");
        await scim.CreateUserAsync("strict.two@example.com");

        var config = await (await scim.GetAsync("ServiceProviderConfig")).ReadObjectAsync();
        var schemas = config["schemas"]!.AsArray().Select(s => s!.GetValue<string>()).ToHashSet();
        var page = await scim.GetAsync("Users?cursor&count=1");

        Assert.False(settings["advertiseCursorPaging"]!.GetValue<bool>());
        Assert.All(config.Select(p => p.Key), key => Assert.True(Rfc7643Keys.Contains(key) || schemas.Contains(key), $"'{key}' is not in RFC 7643: {config.ToJsonString()}"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull((await page.ReadObjectAsync())["nextCursor"]);
    }

    [Fact]
    public async Task By_default_the_pagination_object_is_advertised()
    {
        var tenant = await server.CreateTenantAsync();

        var config = await (await tenant.Scim.GetAsync("ServiceProviderConfig")).ReadObjectAsync();

        Assert.True(config["pagination"]!["cursor"]!.GetValue<bool>());
    }
}
