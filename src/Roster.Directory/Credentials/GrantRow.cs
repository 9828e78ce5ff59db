using System.Globalization;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Credentials;

/// <summary>
/// What <see cref="OAuthCredentials.CheckGrantAsync"/> reads in one statement: the credential
/// (access key or app registration), its owner and ceiling, the tenant's roles version and the
/// person's state and version.
/// </summary>
internal sealed record GrantRow(bool Deactivated, Guid? OwnerId, string? Ceiling, long RolesVersion, string? PersonStatus, bool? PersonActive, long? PersonVersion)
{
    public static async Task<GrantRow?> ReadAsync(SqlSession session, OAuthClientKind kind, Guid credentialId, Guid? personId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var credential = parameters.Add(dialect.Key(credentialId));
        var person = parameters.Add(personId is { } p ? dialect.Key(p) : null);
        var (table, deactivated) = kind == OAuthClientKind.AccessKey ? ("access_keys", "c.deactivated_at") : ("app_registrations", "NULL");
        var rows = await session.QueryAsync(
            $"SELECT {deactivated}, c.owner_id, c.permission_ceiling, n.roles_version, u.status, u.active, u.version " +
            $"FROM {table} AS c JOIN tenants AS n ON n.id = c.tenant_id " +
            $"LEFT JOIN users AS u ON u.tenant_id = c.tenant_id AND u.id = {person} " +
            $"WHERE c.tenant_id = {SqlParameters.Tenant} AND c.id = {credential}",
            parameters,
            reader => new GrantRow(
                !reader.IsDBNull(0),
                reader.IsDBNull(1) ? null : dialect.ReadKey(reader, 1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : Convert.ToBoolean(reader.GetValue(5), CultureInfo.InvariantCulture),
                reader.IsDBNull(6) ? null : reader.GetInt64(6)),
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }
}
