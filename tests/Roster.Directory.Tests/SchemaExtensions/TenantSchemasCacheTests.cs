using System.Text.Json.Nodes;
using Roster.Directory.SchemaExtensions;
using Roster.Directory.Tenants;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.SchemaExtensions;

/// <summary>
/// The tenant's schemas are kept per tenant rather than read on every SCIM request: a definition
/// changed in this process is seen by its next request, one changed by another process (the CLI,
/// another node) within <see cref="TenantCache{T}.Lifetime"/>, as the SCIM switch is.
/// </summary>
public sealed class TenantSchemasCacheTests
{
    private const string Urn = "urn:example:roster:schemas:extension:cache:2.0:User";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_definition_changed_on_this_node_is_seen_by_the_next_request()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var read = directory.Get<ReadTenantSchemas>();
        var tenant = directory.Caller.TenantId;
        Assert.Empty((await read.ExecuteAsync(tenant, None)).Extensions);

        var defined = (await directory.Get<DefineSchemaExtension>().ExecuteAsync(directory.Admin, Draft("level"), None)).Ok();
        Assert.Equal(Urn, Assert.Single((await read.ExecuteAsync(tenant, None)).Extensions).Urn);

        (await directory.Get<ChangeSchemaExtension>().UpdateAsync(directory.Admin, defined.Id, Draft("level", "tier"), None)).Ok();
        Assert.NotNull(Assert.Single((await read.ExecuteAsync(tenant, None)).Extensions).Schema.FindAttribute("tier"));

        (await directory.Get<ChangeSchemaExtension>().DeleteAsync(directory.Admin, defined.Id, None)).Ok();
        Assert.Empty((await read.ExecuteAsync(tenant, None)).Extensions);
    }

    [Fact]
    public async Task A_definition_changed_by_another_process_is_seen_within_the_cache_lifetime()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var read = directory.Get<ReadTenantSchemas>();
        var tenant = directory.Caller.TenantId;
        (await directory.Get<DefineSchemaExtension>().ExecuteAsync(directory.Admin, Draft("level"), None)).Ok();
        Assert.Single((await read.ExecuteAsync(tenant, None)).Extensions);
        Assert.Empty((await read.ExecuteAsync(other.TenantId, None)).Extensions);

        // What the CLI or another node does: the row goes behind this process's back.
        await directory.ExecuteSqlAsync("DELETE FROM scim_schema_extensions");

        directory.Advance(TenantCache<TenantSchemas>.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.Single((await read.ExecuteAsync(tenant, None)).Extensions);
        directory.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty((await read.ExecuteAsync(tenant, None)).Extensions);
        Assert.Empty((await read.ExecuteAsync(other.TenantId, None)).Extensions);
    }

    private static SchemaExtensionDraft Draft(params string[] attributes) => new("User", false, new JsonObject
    {
        ["id"] = Urn,
        ["name"] = "CacheUser",
        ["attributes"] = new JsonArray([.. attributes.Select(a => (JsonNode)new JsonObject { ["name"] = a, ["type"] = "string" })]),
    });
}
