using System.Globalization;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Roles;

namespace Roster.Directory.Credentials;

/// <summary>
/// What <see cref="OAuthCredentials.CheckGrantAsync"/> reads in one statement: the credential
/// (access key or app registration), its owner and ceiling, and the person's state and the
/// permissions of their active roles (one row per grant, folded here).
/// </summary>
internal sealed record GrantRow(bool Deactivated, Guid? OwnerId, string? Ceiling, bool PersonFound, string? PersonStatus, bool? PersonActive, PermissionSet PersonPermissions)
{
    public static async Task<GrantRow?> ReadAsync(SqlSession session, OAuthClientKind kind, Guid credentialId, Guid? personId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var credential = parameters.Add(dialect.Key(credentialId));
        var person = parameters.Add(personId is { } p ? dialect.Key(p) : null);
        var (table, deactivated) = kind == OAuthClientKind.AccessKey ? ("access_keys", "c.deactivated_at") : ("app_registrations", "NULL");
        var rows = await session.QueryAsync(
            $"SELECT {deactivated}, c.owner_id, c.permission_ceiling, u.id, u.status, u.active, r.permissions " +
            $"FROM {table} AS c " +
            $"LEFT JOIN users AS u ON u.tenant_id = c.tenant_id AND u.id = {person} " +
            "LEFT JOIN role_grants AS g ON g.tenant_id = c.tenant_id AND g.user_id = u.id " +
            $"LEFT JOIN roles AS r ON r.tenant_id = g.tenant_id AND r.id = g.role_id AND r.active = {dialect.BooleanLiteral(true)} " +
            $"WHERE c.tenant_id = {SqlParameters.Tenant} AND c.id = {credential}",
            parameters,
            reader => (
                Deactivated: !reader.IsDBNull(0),
                Owner: reader.IsDBNull(1) ? (Guid?)null : dialect.ReadKey(reader, 1),
                Ceiling: reader.IsDBNull(2) ? null : reader.GetString(2),
                Found: !reader.IsDBNull(3),
                Status: reader.IsDBNull(4) ? null : reader.GetString(4),
                Active: reader.IsDBNull(5) ? (bool?)null : Convert.ToBoolean(reader.GetValue(5), CultureInfo.InvariantCulture),
                Permissions: reader.IsDBNull(6) ? null : reader.GetString(6)),
            cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var first = rows[0];
        var permissions = PermissionSet.Of(rows.Select(r => r.Permissions).OfType<string>().SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return new GrantRow(first.Deactivated, first.Owner, first.Ceiling, first.Found, first.Status, first.Active, permissions);
    }
}
