using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Provisioning;
using Roster.Directory.Tokens;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.OAuth;
using Roster.Server.Tests.Seeds;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// One tenant with one of everything: users, a group with members, employees, roles, a domain,
/// an app registration, access keys, SCIM tokens, a refused SCIM request; and every credential
/// kind, both the ones that work (<see cref="Scim"/>, <see cref="Admin"/>, <see cref="ConsoleAdmin"/>) and the ones that must be refused
/// (expired, revoked, owner deactivated, key deactivated, wrong scope, wrong API, no permission).
/// </summary>
public sealed class TenantWorld
{
    public const string CallbackUrl = "https://idp.example.com/oauth/callback";

    public required string Name { get; init; }

    public required Guid OrgId { get; init; }

    public required SeedConsole Console { get; init; }

    public required ResourceIds Ids { get; init; }

    /// <summary>Values that identify this tenant's data: none may appear in an answer to another tenant.</summary>
    public required IReadOnlyList<string> Marks { get; init; }

    /// <summary>Credentials that work on the SCIM API (all hold the scim scope and a tenant).</summary>
    public required IReadOnlyList<Credential> Scim { get; init; }

    /// <summary>An administrator's HTTP Basic sign-in on the admin API, holding every permission.</summary>
    public required Credential Admin { get; init; }

    /// <summary>A console session holding every permission.</summary>
    public required Credential ConsoleAdmin { get; init; }

    /// <summary>Credentials of this tenant every endpoint must refuse, each with the reason.</summary>
    public required IReadOnlyList<Credential> Refused { get; init; }

    /// <summary>An employee with no permission at all: admin API sign-in and console session.</summary>
    public required Credential PowerlessAdmin { get; init; }

    public required Credential PowerlessConsole { get; init; }

    /// <summary>An app registration's client_id and secret (user-confidential, openid and scim).</summary>
    public required (string ClientId, string Secret) App { get; init; }

    /// <summary>A refresh token this tenant's app obtained through the authorization code flow.</summary>
    public required string RefreshToken { get; init; }

    /// <summary>An access key's ID and secret, as OAuth client credentials.</summary>
    public required (string KeyId, string Secret) Key { get; init; }

    /// <summary>Every credential that signs requests for this tenant, working or not.</summary>
    public IEnumerable<Credential> All => [.. Scim, Admin, ConsoleAdmin, PowerlessAdmin, PowerlessConsole, .. Refused];

    public static async Task<TenantWorld> SeedAsync(RosterServerFixture server, string name)
    {
        var console = await SeedConsole.SignInAsync(server);
        var admin = console.Admin;
        var org = console.OrgId;
        var tag = name.Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant();
        var services = server.Services;
        var tokens = services.GetRequiredService<IssueOperatorScimToken>();

        // SCIM data: the same userName and externalId in both tenants (uniqueness is per tenant),
        // and one of each that only this tenant has.
        var user = await admin.Tenant.Scim.CreateUserAsync($"only-{tag}@example.com", $$"""
            "externalId":"ext-only-{{tag}}","displayName":"Only {{name}}","emails":[{"value":"only-{{tag}}@example.com","primary":true}]
            """);
        await admin.Tenant.Scim.CreateUserAsync("shared@example.com", "\"externalId\":\"shared-ext\"");
        var group = await admin.Tenant.Scim.CreateGroupAsync($"Group of {name}");
        var addMember = await admin.Tenant.Scim.PatchAsync($"Groups/{group.Id()}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{user.Id()}}"}]}]}""");
        Assert.True(addMember.IsSuccessStatusCode, await addMember.Content.ReadAsStringAsync());

        // A request SCIM refused, shown in the console's provisioning activity.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Tenant.Scim.PostAsync("Users", ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]}"""))).StatusCode);
        var refusedRequest = (await services.GetRequiredService<ScimCallErrors>().LatestAsync(org, DateTimeOffset.UtcNow.AddHours(-1), 1, CancellationToken.None)).Single();

        var role = await console.CreateRoleAsync($"Role of {name}", "employees.view");
        var rule = await admin.Http.PostAsJsonAsync("role-rules", new { match = "group.displayName", value = $"Group of {name}", roleId = (string)role["id"]! });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        var domain = await admin.Http.PostAsJsonAsync("domains", new { domain = $"{tag}.example.org" });
        Assert.Equal(HttpStatusCode.Created, domain.StatusCode);
        var domainId = (string)(await domain.ReadObjectAsync())["id"]!;
        // Turned off: its sign-in link answers a page without asking the (made-up) IdP.
        var sso = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "oidc", name = $"IdP of {name}", issuer = $"https://{tag}.idp.example.org", clientId = $"roster-{tag}", clientSecret = "a client secret", enabled = false });
        Assert.Equal(HttpStatusCode.Created, sso.StatusCode);
        var ssoId = (string)(await sso.ReadObjectAsync())["id"]!;

        // A webhook endpoint, disabled: nothing is ever sent to its address.
        var webhook = await admin.Http.PostAsJsonAsync("webhooks", new { url = $"https://hooks.invalid/{tag}", description = $"Hooks of {name}", enabled = false });
        Assert.Equal(HttpStatusCode.Created, webhook.StatusCode);
        var webhookId = (string)(await webhook.ReadObjectAsync())["endpoint"]!["id"]!;

        // An extension schema of its own, with a value: the other tenant's /Schemas never lists it.
        var extensionUrn = $"urn:example:{tag}:scim:2.0:User";
        var extension = await admin.Http.PostAsJsonAsync("scim/schema-extensions", new
        {
            resourceType = "User",
            schema = new { id = extensionUrn, attributes = new[] { new { name = $"badge-{tag}", type = "string" } } },
        });
        Assert.Equal(HttpStatusCode.Created, extension.StatusCode);
        var extensionId = (string)(await extension.ReadObjectAsync())["id"]!;
        var badge = await admin.Tenant.Scim.PatchAsync($"Users/{user.Id()}", $$$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"{{{extensionUrn}}}:badge-{{{tag}}}","value":"B-{{{tag}}}"}]}""");
        Assert.True(badge.IsSuccessStatusCode, await badge.Content.ReadAsStringAsync());

        // Credentials that work.
        var ownedToken = await console.GenerateScimTokenAsync($"Okta of {name}", admin.EmployeeId.ToString());
        var key = await console.AddAccessKeyAsync(admin.EmployeeId.ToString());
        using var anonymous = server.CreateClient(null);
        var keyToken = await AccessTokenAsync(anonymous.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!));
        var backEnd = await RegisterAppAsync(admin, $"Back end of {name}", "back-end", [], ["scim"]);
        var backEndToken = await AccessTokenAsync(anonymous.ClientCredentialsPostAsync((string)backEnd["app"]!["clientId"]!, (string)backEnd["clientSecret"]!));
        var app = await RegisterAppAsync(admin, $"App of {name}", "user-confidential", [CallbackUrl], ["openid", "scim"]);
        var (appClientId, appSecret) = ((string)app["app"]!["clientId"]!, (string)app["clientSecret"]!);
        var orgDocument = await console.GetAsync("");
        var codeTokens = await console.AuthenticateWithRosterAsync(
            (string)orgDocument["authorizeEndpoint"]!, (string)orgDocument["tokenEndpoint"]!, appClientId, appSecret, admin.Email, CallbackUrl);
        var signInOnly = await RegisterAppAsync(admin, $"Sign-in only of {name}", "user-confidential", [CallbackUrl], ["openid"]);
        var openIdTokens = await console.AuthenticateWithRosterAsync(
            (string)orgDocument["authorizeEndpoint"]!, (string)orgDocument["tokenEndpoint"]!, (string)signInOnly["app"]!["clientId"]!, (string)signInOnly["clientSecret"]!, admin.Email, CallbackUrl);

        // Credentials that must be refused.
        var expired = await tokens.ExecuteAsync(org, "Expired", DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);
        var revoked = await tokens.ExecuteAsync(org, "Revoked", null, CancellationToken.None);
        Assert.True(await services.GetRequiredService<RevokeScimToken>().ExecuteAsync(org, revoked.Id, CancellationToken.None));
        var leaver = await server.AddEmployeeAsync(admin.Tenant, "employees.edit", "accesskeys.manage");
        var leaverToken = await console.GenerateScimTokenAsync($"Leaver's token of {name}", leaver.EmployeeId.ToString());
        var leaverKey = await console.AddAccessKeyAsync(leaver.EmployeeId.ToString());
        var leaverAccessToken = await AccessTokenAsync(anonymous.ClientCredentialsPostAsync((string)leaverKey["accessKeyId"]!, (string)leaverKey["secretAccessKey"]!));
        var leaverSession = await ConsoleSession.SignInAsync(server.BaseAddress, "console session of a deactivated employee", leaver.Email, leaver.Password);
        var deactivate = await admin.Tenant.Scim.PatchAsync($"Users/{leaver.EmployeeId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        Assert.True(deactivate.IsSuccessStatusCode, await deactivate.Content.ReadAsStringAsync());
        var shelvedKey = await console.AddAccessKeyAsync(admin.EmployeeId.ToString());
        var shelvedToken = await AccessTokenAsync(anonymous.ClientCredentialsPostAsync((string)shelvedKey["accessKeyId"]!, (string)shelvedKey["secretAccessKey"]!));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostNoBodyAsync($"access-keys/{shelvedKey["id"]}/deactivate")).StatusCode);
        var powerless = await server.AddEmployeeAsync(admin.Tenant);
        var expiredAccessToken = await ExpiredAccessToken.ExpireAsync(services, await AccessTokenAsync(anonymous.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!)));

        var ids = new ResourceIds(
            Guid.Parse(user.Id()), Guid.Parse(group.Id()), powerless.EmployeeId, Guid.Parse((string)role["id"]!), Guid.Parse((string)key["id"]!),
            Guid.Parse((string)ownedToken["id"]!), Guid.Parse((string)app["app"]!["id"]!), Guid.Parse(domainId), refusedRequest.Id, Guid.Parse(webhookId), powerless.Email, appClientId,
            Guid.Parse((string)(await rule.ReadObjectAsync())["id"]!), Guid.Parse(ssoId), Guid.Parse(extensionId));
        return new TenantWorld
        {
            Name = name,
            OrgId = org,
            Console = console,
            Ids = ids,
            Marks = [.. ids.Values(), org.ToString(), $"only-{tag}@example.com", $"ext-only-{tag}", $"Group of {name}", $"Role of {name}", $"{tag}.example.org", admin.Email, $"App of {name}", $"hooks.invalid/{tag}", $"Hooks of {name}", extensionUrn, $"badge-{tag}"],
            Scim =
            [
                Credential.Bearer("SCIM token owned by an administrator", (string)ownedToken["token"]!),
                Credential.Bearer("operator's SCIM token", admin.Tenant.Token),
                Credential.Bearer("access token of an access key (client credentials)", keyToken),
                Credential.Bearer("access token of a back-end app (client credentials)", backEndToken),
                Credential.Bearer("access token of an app (authorization code)", (string)codeTokens["access_token"]!),
            ],
            Admin = Credential.Basic("administrator's email and password", admin.Email, admin.Password),
            ConsoleAdmin = await ConsoleSession.SignInAsync(server.BaseAddress, "administrator's console session", admin.Email, admin.Password),
            PowerlessAdmin = Credential.Basic("email and password of an employee without permissions", powerless.Email, powerless.Password),
            PowerlessConsole = await ConsoleSession.SignInAsync(server.BaseAddress, "console session of an employee without permissions", powerless.Email, powerless.Password),
            Refused =
            [
                Credential.Bearer("expired SCIM token", expired.Token),
                Credential.Bearer("revoked SCIM token", revoked.Token),
                Credential.Bearer("SCIM token of a deactivated owner", (string)leaverToken["token"]!),
                Credential.Bearer("access token of a deactivated owner's key", leaverAccessToken),
                Credential.Bearer("access token of a deactivated key", shelvedToken),
                Credential.Bearer("expired access token", expiredAccessToken),
                Credential.Bearer("access token without the scim scope", (string)openIdTokens["access_token"]!),
                Credential.Basic("access key as HTTP Basic", (string)key["accessKeyId"]!, (string)key["secretAccessKey"]!),
                Credential.Basic("deactivated employee's email and password", leaver.Email, leaver.Password),
                leaverSession with { Renew = null },
            ],
            App = (appClientId, appSecret),
            RefreshToken = (string)codeTokens["refresh_token"]!,
            Key = ((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!),
        };
    }

    private static async Task<JsonObject> RegisterAppAsync(AdminSession admin, string name, string clientType, string[] redirectUris, string[] scopes)
    {
        var response = await admin.Http.PostAsJsonAsync("apps", new { name, technicalContacts = new[] { "it@example.com" }, clientType, redirectUris, scopes });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    private static async Task<string> AccessTokenAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (string)(await response.ReadJsonAsync())["access_token"]!;
    }
}
