using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.RoleGrants;

namespace Roster.Directory.Roles;

/// <summary>
/// <see cref="PrivilegeRules.Govern"/> on a stored user, in the caller's transaction: for the
/// changes that do not go through the provisioning policy (delete, invite).
/// </summary>
internal static class PersonGovernance
{
    /// <summary>Null when <paramref name="actor"/> holds every permission the user holds now; else why not.</summary>
    public static async Task<PrivilegeRefusal?> CheckAsync(SqlSession session, PermissionSet actor, Guid userId, JsonObject document, string possessive, CancellationToken cancellationToken)
    {
        if (actor.IsUnbounded)
        {
            return null;
        }

        var held = await RoleGrantSql.PermissionsAsync(session, userId, cancellationToken);
        var name = document["userName"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "this user";
        return PrivilegeRules.Govern(actor, held, $"'{name}'", possessive);
    }
}
