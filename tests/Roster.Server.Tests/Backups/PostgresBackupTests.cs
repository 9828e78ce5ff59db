using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Roster.Cli.Commands;
using Roster.Directory.AccessKeys;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;
using Roster.Server.Hosting;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.OAuth;

namespace Roster.Server.Tests.Backups;

/// <summary>
/// A backup as docs/operations.md tells an operator to take it: <c>pg_dump --format=custom</c> of a
/// live database, <c>pg_restore</c> into a new one, and a server started on the copy.
/// </summary>
public sealed class PostgresBackupTests
{
    private const int Users = 30;
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [PostgresFact]
    public async Task A_dump_restored_into_a_new_database_has_every_row_and_the_credentials_issued_before_it_still_work()
    {
        var dump = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.dump");
        await using var original = await PostgresTestDatabase.CreateAsync();
        await using var restored = await PostgresTestDatabase.CreateAsync(migrated: false);
        string scimToken;
        string accessToken;
        Guid orgId;
        JsonObject group;
        try
        {
            await using (var app = await StartAsync(original.ConnectionString))
            {
                (orgId, scimToken, group, accessToken) = await FillAsync(app);
            }

            await PostgresClientTools.DumpAsync(original.ConnectionString, dump);
            await PostgresClientTools.RestoreAsync(dump, restored.ConnectionString);
        }
        finally
        {
            File.Delete(dump);
        }

        var before = await TableSnapshot.TakeAsync(original.ConnectionString);
        var after = await TableSnapshot.TakeAsync(restored.ConnectionString);
        Assert.Equal(before, after);
        Assert.Contains(after, t => t.Table == "group_members" && t.Rows == Users);
        Assert.Contains(after, t => t.Table == "scim_tokens" && t.Rows == 1);
        Assert.Contains(after, t => t.Table == "server_keys" && t.Rows == 2);

        await using var onCopy = await StartAsync(restored.ConnectionString);
        using var scim = Client(onCopy, scimToken, $"scim/v2/{orgId}/");
        using var oauth = Client(onCopy, accessToken, $"scim/v2/{orgId}/");
        var users = await (await scim.GetAsync("Users?count=1")).ReadObjectAsync();
        var restoredGroup = await (await scim.GetAsync($"Groups/{group.Id()}")).ReadObjectAsync();
        var byOAuth = await oauth.GetAsync($"Groups/{group.Id()}?excludedAttributes=members");

        Assert.Equal(Users + 1, (int)users["totalResults"]!);
        Assert.Equal(group["meta"]!["version"]!.ToString(), restoredGroup["meta"]!["version"]!.ToString());
        Assert.Equal(Users, restoredGroup["members"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, byOAuth.StatusCode);
    }

    /// <summary>Users, a group holding them, a role, an employee with an access key and an OAuth token: something of every kind a backup must keep.</summary>
    private static async Task<(Guid OrgId, string ScimToken, JsonObject Group, string AccessToken)> FillAsync(WebApplication app)
    {
        var (tenant, token) = await TenantBootstrap.CreateAsync(app.Services, "Backed up", CancellationToken.None);
        using var scim = Client(app, token.Token, $"scim/v2/{tenant.Id}/");
        var group = await scim.CreateGroupAsync("Everyone");
        var members = new List<string>();
        for (var n = 0; n < Users; n++)
        {
            members.Add((await scim.CreateUserAsync($"user-{n}@example.com", "\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"},\"active\":true")).Id());
        }

        var add = new JsonObject
        {
            ["schemas"] = new JsonArray(PatchOp),
            ["Operations"] = new JsonArray(new JsonObject
            {
                ["op"] = "add",
                ["path"] = "members",
                ["value"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject { ["value"] = m })]),
            }),
        };
        (await scim.PatchAsync($"Groups/{group.Id()}", add.ToJsonString())).EnsureSuccessStatusCode();
        var patched = await (await scim.GetAsync($"Groups/{group.Id()}")).ReadObjectAsync();

        var operatorActor = AdminActor.Operator(tenant.Id);
        var role = await app.Services.GetRequiredService<CreateRole>().ExecuteAsync(operatorActor, "Provisioning", ["employees.edit"], CancellationToken.None);
        var owner = await app.Services.GetRequiredService<CreateEmployee>()
            .ExecuteAsync(operatorActor, new EmployeeDraft("okta@example.com", "Okta", "Provisioning", role.Ok().Id), CancellationToken.None);
        var key = await app.Services.GetRequiredService<CreateAccessKey>().ExecuteAsync(operatorActor, owner.Ok().Id, CancellationToken.None);
        Assert.True(key.IsSuccess, key.Error?.Detail);
        using var http = Client(app, null, "");
        var issued = await http.ClientCredentialsPostAsync(key.Value.Key.KeyId, key.Value.Secret);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        return (tenant.Id, token.Token, patched, (string)(await issued.ReadJsonAsync())["access_token"]!);
    }

    private static async Task<WebApplication> StartAsync(string connectionString)
    {
        // The same public URL on both servers: it is the OAuth issuer the restored server checks tokens against.
        var app = RosterWebApplication.Create(RosterStorage.Postgres(connectionString), "http://127.0.0.1:0",
            configure: b => b.Configuration["Roster:PublicBaseUrl"] = "https://roster.example.com");
        await RosterStorage.MigrateAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication app, string? token, string relativeBase)
    {
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var client = new HttpClient { BaseAddress = new Uri(address, relativeBase), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
