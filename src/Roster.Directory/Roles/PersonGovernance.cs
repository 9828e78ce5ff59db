using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Employees;

namespace Roster.Directory.Roles;

/// <summary>
/// <see cref="PrivilegeRules.Govern"/> on a stored user, in the caller's transaction: for the
/// changes that do not go through the provisioning policy (delete, invite).
/// </summary>
internal static class PersonGovernance
{
    /// <summary>Null when <paramref name="actor"/> holds every permission the user of <paramref name="document"/> holds; else why not.</summary>
    public static async Task<string?> CheckAsync(SqlSession session, PermissionSet actor, JsonObject document, string possessive, CancellationToken cancellationToken)
    {
        var held = EmployeeProjection.RoleValues(document);
        if (actor.IsUnbounded || held.Count == 0)
        {
            return null;
        }

        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        var name = document["userName"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "this user";
        return PrivilegeRules.Govern(actor, PermissionSet.OfRoles(held, roles), $"'{name}'", possessive);
    }
}
