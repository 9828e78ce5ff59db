using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Users;

/// <summary>
/// The Enterprise User's <c>manager.displayName</c> (RFC 7643 section 4.3: "OPTIONAL and
/// READ-ONLY"): Roster fills it from the manager's own <c>displayName</c> when the user is
/// written, inside the write's transaction; a manager id that names no user of the tenant (an IdP
/// that provisions the report before the manager) is kept without one. A client's
/// <c>manager.$ref</c> is not stored: responses build it from the base URL and the id.
/// </summary>
internal static class ManagerDisplayName
{
    public static async Task FillAsync(SqlSession session, JsonObject document, CancellationToken cancellationToken)
    {
        if (document[SchemaUris.EnterpriseUser] is not JsonObject enterprise || enterprise["manager"] is not JsonObject manager)
        {
            return;
        }

        manager.Remove("$ref");
        manager.Remove("displayName");
        if (manager["value"] is not JsonValue value || !value.TryGetValue<string>(out var id) || !Guid.TryParse(id, out var key))
        {
            return;
        }

        var parameters = session.Parameters();
        var name = await session.ScalarAsync(
            $"SELECT u.display_name FROM users AS u WHERE u.tenant_id = {SqlParameters.Tenant} AND u.id = {parameters.Add(session.Dialect.Key(key))}",
            parameters, cancellationToken);
        if (name is string { Length: > 0 } displayName)
        {
            manager["displayName"] = displayName;
        }
    }
}
