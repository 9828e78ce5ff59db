using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Audit;
using Roster.Directory.Operators;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Operators;

/// <summary>
/// The operator API over HTTP: an operator key creates, lists a page at a time, reads, renames and
/// deletes tenants, each change audited as "operator key &lt;name&gt;"; bad input is a
/// ProblemDetails; a key that is made up, revoked, or a tenant's credential is refused, and a
/// refused request writes nothing.
/// </summary>
public sealed class OperatorApiTests(RosterServerFixture server) : IClassFixture<RosterServerFixture>
{
    [Fact]
    public async Task An_operator_key_creates_reads_renames_lists_and_deletes_a_tenant_audited_under_its_name()
    {
        var key = await OperatorHttp.CreateKeyAsync(server, "vendor-crud");
        using var http = OperatorHttp.Client(server, "Bearer " + key.Secret);

        var created = await http.PostAsJsonAsync("tenants", new { name = "  Acme Corp  " });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tenant = await created.ReadObjectAsync();
        var orgId = Guid.Parse((string)tenant["orgId"]!);
        Assert.Equal("Acme Corp", (string?)tenant["name"]);
        Assert.Equal($"/api/v1/operator/tenants/{orgId}", created.Headers.Location?.OriginalString);

        var read = await (await http.GetAsync($"tenants/{orgId}")).ReadObjectAsync();
        Assert.Equal("Acme Corp", (string?)read["name"]);

        var renamed = await http.PatchAsJsonAsync($"tenants/{orgId}", new { name = "Acme Inc" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Acme Inc", (string?)(await renamed.ReadObjectAsync())["name"]);

        var audit = await server.Services.GetRequiredService<ListAuditEvents>()
            .ExecuteAsync(orgId, new AuditQuery { PageSize = 50 }, CancellationToken.None);
        Assert.True(audit.IsSuccess);
        Assert.Contains(audit.Value.Events, e => e.Action == OperatorEvents.TenantCreate && e.Client == "operator key vendor-crud");
        Assert.Contains(audit.Value.Events, e => e.Action == OperatorEvents.TenantRename && e.Client == "operator key vendor-crud");

        var deleted = await AdminHttp.DeleteNoBodyAsync(http, $"tenants/{orgId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var gone = await http.GetAsync($"tenants/{orgId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);

        var trail = await server.Services.GetRequiredService<OperatorEvents>().ListAsync(1000, CancellationToken.None);
        Assert.Contains(trail, e => e.Action == OperatorEvents.TenantDelete && e.TenantId == orgId && e.Client == "operator key vendor-crud" && e.KeyId == key.Key.Id);
    }

    [Fact]
    public async Task Tenants_are_listed_a_bounded_page_at_a_time()
    {
        var key = await OperatorHttp.CreateKeyAsync(server, "vendor-pages");
        using var http = OperatorHttp.Client(server, "Bearer " + key.Secret);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("tenants", new { name = $"Paged {i}" })).StatusCode);
        }

        var first = await (await http.GetAsync("tenants?page=1&pageSize=2")).ReadObjectAsync();
        var total = (int)first["totalResults"]!;
        var pages = new List<string>();
        for (var page = 1; (page - 1) * 2 < total; page++)
        {
            var listed = await (await http.GetAsync($"tenants?page={page}&pageSize=2")).ReadObjectAsync();
            var tenants = listed["tenants"]!.AsArray();
            Assert.InRange(tenants.Count, 1, 2);
            pages.AddRange(tenants.Select(t => (string)t!["orgId"]!));
        }

        Assert.True(total >= 3);
        Assert.Equal(total, pages.Distinct().Count());

        foreach (var bad in new[] { "pageSize=201", "pageSize=0", "pageSize=-1", "page=0", "page=x", "pageSize=99999999999" })
        {
            var refused = await http.GetAsync("tenants?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_tenant_name_must_be_1_to_200_characters()
    {
        var key = await OperatorHttp.CreateKeyAsync(server, "vendor-names");
        using var http = OperatorHttp.Client(server, "Bearer " + key.Secret);
        var before = await TenantCountAsync();

        foreach (var name in new[] { "", "   ", new string('n', 201), "line\nbreak" })
        {
            var refused = await http.PostAsJsonAsync("tenants", new { name });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("1 to 200 characters", (string?)(await refused.ReadObjectAsync())["detail"], StringComparison.Ordinal);
        }

        var missing = await http.PostAsJsonAsync("tenants", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(before, await TenantCountAsync());
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("tenants", new { name = new string('n', 200) })).StatusCode);
    }

    [Fact]
    public async Task Made_up_revoked_and_tenant_credentials_are_refused_with_ProblemDetails_and_write_nothing()
    {
        var tenant = await server.CreateTenantAsync();
        var admin = await server.CreateAdminAsync(Roster.Directory.Roles.Permission.All.Select(p => p.Key).ToArray());
        var revoked = await OperatorHttp.CreateKeyAsync(server, "vendor-revoked");
        Assert.True(await server.Services.GetRequiredService<OperatorKeys>().RevokeAsync(OperatorActor.Cli, revoked.Key.Id, CancellationToken.None));
        var credentials = new[]
        {
            (string?)null,
            "Bearer " + revoked.Secret,
            "Bearer roster_op_" + new string('a', 46),
            "Bearer " + tenant.Token,
            admin.Http.DefaultRequestHeaders.Authorization!.ToString(),
        };
        var (tenantsBefore, eventsBefore) = (await TenantCountAsync(), await EventCountAsync());

        foreach (var credential in credentials)
        {
            using var http = OperatorHttp.Client(server, credential);
            var answers = new[]
            {
                await http.GetAsync("tenants"),
                await http.PostAsJsonAsync("tenants", new { name = "Not made" }),
                await http.PatchAsJsonAsync($"tenants/{tenant.OrgId}", new { name = "Not renamed" }),
                await AdminHttp.DeleteNoBodyAsync(http, $"tenants/{tenant.OrgId}"),
                await AdminHttp.PostNoBodyAsync(http, $"tenants/{tenant.OrgId}/setup-links"),
            };
            foreach (var answer in answers)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
                Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotContain(tenant.OrgId.ToString(), await answer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Equal((tenantsBefore, eventsBefore), (await TenantCountAsync(), await EventCountAsync()));
        Assert.Null((await server.Services.GetRequiredService<OperatorKeys>().ListAsync(CancellationToken.None)).Single(k => k.Id == revoked.Key.Id).LastUsed);
    }

    [Fact]
    public async Task Operator_keys_are_stored_as_hashes_and_revoked_at_once()
    {
        var keys = server.Services.GetRequiredService<OperatorKeys>();
        var key = await OperatorHttp.CreateKeyAsync(server, "vendor-revoke");
        using var http = OperatorHttp.Client(server, "Bearer " + key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("tenants")).StatusCode);

        Assert.StartsWith("roster_op_", key.Secret, StringComparison.Ordinal);
        Assert.Equal(key.Secret[^4..], key.Key.Hint);
        var listed = (await keys.ListAsync(CancellationToken.None)).Single(k => k.Id == key.Key.Id);
        Assert.NotNull(listed.LastUsed);
        Assert.DoesNotContain(key.Secret, System.Text.Json.JsonSerializer.Serialize(await keys.ListAsync(CancellationToken.None)), StringComparison.Ordinal);
        Assert.False((await keys.CreateAsync(OperatorActor.Cli, new string('k', OperatorKeys.MaxNameLength + 1), CancellationToken.None)).IsSuccess);

        Assert.True(await keys.RevokeAsync(OperatorActor.Cli, key.Key.Id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("tenants")).StatusCode);
        Assert.False(await keys.RevokeAsync(OperatorActor.Cli, Guid.NewGuid(), CancellationToken.None));
        var trail = await server.Services.GetRequiredService<OperatorEvents>().ListAsync(1000, CancellationToken.None);
        Assert.Contains(trail, e => e.Action == OperatorEvents.KeyCreate && e.Changes.Contains(key.Key.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(trail, e => e.Action == OperatorEvents.KeyRevoke && e.Changes.Contains(key.Key.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_tenants_and_bad_bodies_are_ProblemDetails()
    {
        var key = await OperatorHttp.CreateKeyAsync(server, "vendor-errors");
        using var http = OperatorHttp.Client(server, "Bearer " + key.Secret);
        var unknown = Guid.NewGuid();

        foreach (var answer in new[]
        {
            await http.GetAsync($"tenants/{unknown}"),
            await http.PatchAsJsonAsync($"tenants/{unknown}", new { name = "x" }),
            await AdminHttp.DeleteNoBodyAsync(http, $"tenants/{unknown}"),
            await AdminHttp.PostNoBodyAsync(http, $"tenants/{unknown}/setup-links"),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }

        var notJson = await http.PostAsync("tenants", new StringContent("name=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        var broken = await http.PostAsync("tenants", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
    }

    private Task<int> TenantCountAsync() => CountAsync("SELECT COUNT(*) FROM tenants");

    private Task<int> EventCountAsync() => CountAsync("SELECT COUNT(*) FROM operator_events");

    private async Task<int> CountAsync(string sql)
    {
        await using var db = server.Services.GetRequiredService<Roster.Directory.Database.DirectoryDatabase>().CreateContext(Guid.Empty);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
