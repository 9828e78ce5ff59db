using System.Net;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// Hostile query parameters on list requests (RFC 7644 section 3.4.2): huge, negative and
/// non-numeric paging values, odd attribute lists, sort keys and cursors are a 200 (where RFC
/// 7644 says to clamp) or a 400 SCIM error with a scimType, never a 500.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class HostileQueryTests(RosterServerFixture server)
{
    [Theory]
    [InlineData("startIndex=99999999999999999999999")]
    [InlineData("startIndex=-99999999999999999999999")]
    [InlineData("startIndex=1e400")]
    [InlineData("startIndex=2147483648")]
    [InlineData("startIndex=abc")]
    [InlineData("count=99999999999999999999999")]
    [InlineData("count=-1")]
    [InlineData("count=2147483647")]
    [InlineData("count=1.5")]
    [InlineData("count=%00")]
    [InlineData("startIndex=2147483647&count=2147483647")]
    [InlineData("attributes=")]
    [InlineData("attributes=,,,")]
    [InlineData("attributes=emails[type%20eq%20%22work%22]")]
    [InlineData("attributes=a.b.c")]
    [InlineData("attributes=%F0%9F%98%80")]
    [InlineData("excludedAttributes=urn:ietf:params:scim:schemas:core:2.0:User")]
    [InlineData("excludedAttributes=%ED%A0%80")]
    [InlineData("sortBy=emails[type%20eq%20%22work%22].value")]
    [InlineData("sortBy=urn:")]
    [InlineData("sortBy=meta.created&sortOrder=sideways")]
    [InlineData("sortBy=name")]
    [InlineData("cursor=")]
    [InlineData("cursor=%25%25%25")]
    [InlineData("cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cursor=eyJ1IjoxfQ&count=1")]
    [InlineData("filter=%ED%A0%80")]
    [InlineData("filter=userName%20eq%20%22%ED%A0%80%22")]
    [InlineData("filter=userName%20eq%20%22a%22&filter=userName%20eq%20%22b%22")]
    [InlineData("filter=%00")]
    [InlineData("filter=userName%20eq%20%22%5Cu0000%22")]
    [InlineData("filter=emails%5Bvalue%20co%20%22%00%22%5D")]
    [InlineData("attributes=%00")]
    [InlineData("excludedAttributes=members%00")]
    [InlineData("sortBy=%00")]
    [InlineData("cursor=%00")]
    [InlineData("count=1%00")]
    [InlineData("%00=1")]
    public async Task A_hostile_list_query_is_200_or_a_400_scim_error(string query)
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("query@example.com");
        await tenant.Scim.CreateGroupAsync("Query");
        foreach (var resourceType in new[] { "Users", "Groups" })
        {
            var response = await tenant.Scim.GetAsync($"{resourceType}?{query}");

            if (response.StatusCode != HttpStatusCode.OK)
            {
                await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, null, $"{resourceType}?{query}");
            }
        }
    }
}
