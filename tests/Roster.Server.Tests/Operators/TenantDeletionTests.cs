using System.Net;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Isolation;

namespace Roster.Server.Tests.Operators;

/// <summary>
/// Deleting a tenant through the operator API deletes every row of it: every table of the EF
/// model that has a <c>tenant_id</c> holds none of it afterwards (the operator's own trail aside,
/// which records the deletion), its OAuth clients stop working, and another tenant seeded the
/// same way keeps every row it had.
/// </summary>
public sealed class TenantDeletionTests(RosterServerFixture server) : IClassFixture<RosterServerFixture>
{
    [Fact]
    public async Task Deleting_a_tenant_leaves_no_row_of_it_in_any_table_and_another_tenant_untouched()
    {
        var doomed = await TenantWorld.SeedAsync(server, "Tenant Doomed");
        var kept = await TenantWorld.SeedAsync(server, "Tenant Kept");
        var doomedBefore = await RowsAsync(doomed.OrgId);
        var keptBefore = await RowsAsync(kept.OrgId);
        var keptSnapshot = await TenantSnapshot.TakeAsync(kept);
        Assert.True(doomedBefore.Count(t => t.Value > 0) >= 10, "The seeded tenant fills too few tables: " + string.Join(", ", doomedBefore.Where(t => t.Value > 0).Select(t => t.Key)));

        var key = await OperatorHttp.CreateKeyAsync(server, "vendor-delete");
        using var http = OperatorHttp.Client(server, "Bearer " + key.Secret);
        var deleted = await http.DeleteNoBodyAsync($"tenants/{doomed.OrgId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var left = (await RowsAsync(doomed.OrgId)).Where(t => t.Value > 0 && t.Key != "operator_events").ToList();
        Assert.True(left.Count == 0, "Rows of the deleted tenant left: " + string.Join(", ", left.Select(t => $"{t.Key} {t.Value}")));
        Assert.Equal(0, (await RowsAsync(doomed.OrgId, "tenants", "id"))["tenants"]);
        Assert.Equal(keptBefore, await RowsAsync(kept.OrgId));
        Assert.Equal(keptSnapshot, await TenantSnapshot.TakeAsync(kept));

        // Its access key's OAuth client is gone with it; the other tenant's still works.
        var refused = await TokenAsync(doomed.Key);
        Assert.False(refused.IsSuccessStatusCode);
        Assert.Contains("invalid_client", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(kept.Key)).StatusCode);
    }

    private async Task<HttpResponseMessage> TokenAsync((string KeyId, string Secret) key)
    {
        using var http = server.CreateClient(null);
        return await http.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = key.KeyId,
            ["client_secret"] = key.Secret,
        }));
    }

    /// <summary>The tenant's rows in every table of the model that has a tenant_id (or in <paramref name="only"/>, by <paramref name="column"/>).</summary>
    private async Task<Dictionary<string, long>> RowsAsync(Guid tenantId, string? only = null, string column = "tenant_id")
    {
        var database = server.Services.GetRequiredService<DirectoryDatabase>();
        await using var db = database.CreateContext(Guid.Empty);
        var tables = only is not null
            ? [only]
            : db.Model.GetEntityTypes().Where(e => e.FindProperty("TenantId") is not null).Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(only is not null || tables.Count >= 20, "Only these tables have a tenant_id: " + string.Join(", ", tables));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {column} = @tenant";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@tenant";
            parameter.Value = database.Dialect.Key(tenantId);
            command.Parameters.Add(parameter);
            rows[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return rows;
    }
}
