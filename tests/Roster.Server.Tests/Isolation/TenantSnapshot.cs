using System.Text.Json.Nodes;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// Everything a tenant's administrator can read about their tenant, as one text: equal before
/// and after another tenant's attempts means nothing was changed. Last-use stamps are left out,
/// since the tenant's own credentials are used while the attempts run (the snapshot's own SCIM
/// reads move the last SCIM call, once a minute).
/// </summary>
public static class TenantSnapshot
{
    private static readonly string[] UseStamps = ["lastUsed", "lastClient", "lastUse", "lastUsedClient", "lastCallAt"];

    public static async Task<string> TakeAsync(TenantWorld tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var admin = tenant.Console.Http;
        var scim = tenant.Console.Admin.Tenant.Scim;
        var parts = new List<string>();
        foreach (var path in new[] { "", "employees?pageSize=200", "roles", "scim-settings", "domains", "scim-tokens", "access-keys", "apps" })
        {
            parts.Add(path + ": " + Strip(JsonNode.Parse(await admin.GetStringAsync(path))));
        }

        foreach (var path in new[] { "Users?count=1000&sortBy=userName", "Groups?count=1000&sortBy=displayName" })
        {
            parts.Add(path + ": " + Strip(JsonNode.Parse(await scim.GetStringAsync(path))));
        }

        return string.Join("\n", parts);
    }

    private static string Strip(JsonNode? node)
    {
        Walk(node);
        return node?.ToJsonString() ?? "null";
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var stamp in UseStamps)
                {
                    o.Remove(stamp);
                }

                foreach (var (_, child) in o.ToList())
                {
                    Walk(child);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Walk(child);
                }

                break;
        }
    }
}
