using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>
/// Reads an <see cref="Employee"/> out of a user row. The SCIM document is the one source of
/// email, names and roles, so an IdP's change shows in the console at once and the console
/// never keeps a second copy that could drift.
/// </summary>
internal static class EmployeeProjection
{
    public static Employee From(EmployeeRow row, IReadOnlyList<Role> tenantRoles)
    {
        var document = row.Document;
        var userName = Text(document["userName"]) ?? "";
        var name = document["name"] as JsonObject;
        var roles = RoleValues(document);
        var primary = roles.Count == 0 ? null : roles[0];
        var primaryRole = primary is null ? null : tenantRoles.FirstOrDefault(r => string.Equals(r.Name, primary, StringComparison.Ordinal));
        return new Employee(
            row.Id,
            userName,
            EmailOf(document) ?? userName,
            name is null ? null : Text(name["givenName"]),
            name is null ? null : Text(name["familyName"]),
            primaryRole?.Id,
            primary,
            roles,
            row.EffectiveStatus,
            row.LoginAuthenticator,
            BillingJson.Parse(row.Billing),
            row.Created,
            row.LastModified);
    }

    /// <summary>
    /// The primary email; with a single email nothing needs marking, so it is the primary one
    /// (as <see cref="Provisioning.ProvisioningPolicy"/> reads it); otherwise none.
    /// </summary>
    public static string? EmailOf(JsonObject document)
    {
        var emails = (document["emails"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var primary = emails.FirstOrDefault(e => e["primary"] is JsonValue p && p.GetValueKind() == JsonValueKind.True)
            ?? (emails.Count == 1 ? emails[0] : null);
        return primary is null ? null : Text(primary["value"]);
    }

    /// <summary>The <c>roles[].value</c>s, the one marked primary first (else the first stays first).</summary>
    public static List<string> RoleValues(JsonObject document)
    {
        var entries = (document["roles"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var primary = entries.FirstOrDefault(e => e["primary"] is JsonValue p && p.GetValueKind() == JsonValueKind.True);
        if (primary is not null)
        {
            entries.Remove(primary);
            entries.Insert(0, primary);
        }

        return [.. entries.Select(e => Text(e["value"])).OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The permission keys of the employee's roles that are active in the tenant, implied ones included.</summary>
    public static IReadOnlySet<string> PermissionsOf(Employee employee, IReadOnlyList<Role> tenantRoles)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in tenantRoles.Where(r => r.Active && employee.Roles.Contains(r.Name, StringComparer.Ordinal)))
        {
            foreach (var permission in role.Permissions)
            {
                for (var p = permission; p is not null; p = p.Implies)
                {
                    keys.Add(p.Key);
                }
            }
        }

        return keys;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
