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
            row.LastModified)
        {
            PreferredLanguage = Text(document["preferredLanguage"]),
            TimeZone = Text(document["timezone"]),
        };
    }

    /// <summary>
    /// The employees of <paramref name="rows"/> with their effective roles and primary role read
    /// from their grants (three queries whatever the number of rows).
    /// </summary>
    public static async Task<List<Employee>> ReadAsync(Database.SqlSession session, IReadOnlyList<EmployeeRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        var rules = await RoleRules.RoleRuleSql.ReadAllAsync(session, cancellationToken);
        var grants = await RoleGrants.RoleGrantSql.ReadManyAsync(session, [.. rows.Select(r => r.Id)], cancellationToken);
        return [.. rows.Select(row =>
        {
            var effective = RoleGrants.EffectiveRoles.Ordered(grants.GetValueOrDefault(row.Id) ?? [], roles, rules, row.Document);
            var primary = effective.Count > 0 ? effective[0] : null;
            return From(row, roles) with
            {
                PrimaryRoleId = primary?.Id,
                PrimaryRoleName = primary?.Name,
                EffectiveRoles = [.. effective.Select(r => r.Name)],
            };
        })];
    }

    /// <summary>One employee, as <see cref="ReadAsync(Database.SqlSession, IReadOnlyList{EmployeeRow}, CancellationToken)"/> reads them.</summary>
    public static async Task<Employee> ReadAsync(Database.SqlSession session, EmployeeRow row, CancellationToken cancellationToken) =>
        (await ReadAsync(session, [row], cancellationToken))[0];

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

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
