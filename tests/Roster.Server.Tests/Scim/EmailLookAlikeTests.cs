using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// With verified domains enforced, an address that only looks like one of the tenant's (spaces
/// around it, a no-break or zero-width space, a second '@', a fullwidth '＠' or fullwidth
/// letters, all of which a lenient parser would trim, ignore or map away) is refused with 400
/// invalidValue naming the value, and nothing is stored: an email address is decided by one
/// strict parser for sign-in, domains and the userName policy alike.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class EmailLookAlikeTests(RosterServerFixture server)
{
    /// <summary>Where the look-alike goes (userName or an email) and how it is made from the verified domain.</summary>
    public static TheoryData<string, string> LookAlikes => new()
    {
        { "userName", " ada@{domain}" },
        { "userName", "ada@{domain} " },
        { "userName", "ada@{domain}\u00A0" },
        { "userName", "ada@{domain}\u200B" },
        { "userName", "ada\uFF20evil.example" },
        { "userName", "ada\uFE6Bevil.example" },
        { "userName", "ada@evil.example@{domain}" },
        { "email", "ada@{domain}\u00A0" },
        { "email", " ada@{domain}" },
        { "email", "ada@evil.example@{domain}" },
        { "email", "ada@\u200B{domain}" },
        { "email", "ada@{fullwidth c}{domain without c}" },
        { "email", "ada@{domain}\u202E" },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task A_look_alike_of_a_verified_address_is_refused_naming_the_value(string where, string pattern)
    {
        var (tenant, domain) = await VerifiedTenantAsync();
        var value = pattern.Replace("{domain}", domain, StringComparison.Ordinal)
            .Replace("{fullwidth c}{domain without c}", "\uFF43" + domain[1..], StringComparison.Ordinal);
        var user = where == "userName"
            ? new JsonObject { ["userName"] = value }
            : new JsonObject { ["userName"] = $"ada@{domain}", ["emails"] = new JsonArray(new JsonObject { ["value"] = value }) };
        user["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User");
        var before = await ScimErrorAssert.CountAsync(tenant.Scim, "Users");

        var response = await tenant.Scim.PostAsync("Users", ScimHttp.Json(user));

        var error = await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue", value);
        Assert.Contains(value, (string?)error["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await ScimErrorAssert.CountAsync(tenant.Scim, "Users"));
    }

    [Fact]
    public async Task The_exact_address_is_accepted_in_any_case()
    {
        var (tenant, domain) = await VerifiedTenantAsync();

        var user = await tenant.Scim.PostAsync("Users", ScimHttp.Json($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Ada.Lovelace+ops@{{domain.ToUpperInvariant()}}",
             "emails":[{"value":"ada@{{domain}}","primary":true}]}
            """));

        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
    }

    private async Task<(TenantClient Tenant, string Domain)> VerifiedTenantAsync()
    {
        var admin = await server.CreateAdminAsync("security.login.manage", "scim.manage");
        var name = $"corp-{Guid.NewGuid():N}.test";
        var domain = await (await admin.Http.PostAsJsonAsync("domains", new { domain = name })).ReadObjectAsync();
        await using (var dns = await DnsmasqServer.StartAsync(((string)domain["recordName"]!, (string)domain["recordValue"]!)))
        using (server.Dns.Route((string)domain["recordName"]!, dns))
        {
            Assert.True((bool)(await (await admin.Http.PostNoBodyAsync($"domains/{domain.Id()}/verify")).ReadObjectAsync())["found"]!);
        }

        var settings = await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = true, userNameMustBePrimaryEmail = false, namesNotUpdatable = false, enforceVerifiedDomains = true });
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        return (admin.Tenant, name);
    }
}
