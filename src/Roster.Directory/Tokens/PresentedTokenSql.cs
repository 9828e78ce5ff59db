using System.Data.Common;
using Roster.Directory.Database;

namespace Roster.Directory.Tokens;

/// <summary>
/// The one statement run for every SCIM request: the presented token by its hash, its owner's
/// state and the permissions of the owner's active roles, in one round trip. Hand-written rather
/// than an EF query because it runs on every request: EF's materialisation was a tenth of a GET's
/// CPU. The token's tenant is not known yet, so this is the one lookup that crosses tenants; the
/// unique hash index finds at most one token, and every join stays inside that token's tenant.
/// </summary>
internal static class PresentedTokenSql
{
    public static async Task<PresentedToken?> FindAsync(DirectoryDatabase database, byte[] hash, CancellationToken cancellationToken)
    {
        await using var session = await database.CrossTenantReadAsync(cancellationToken);
        var dialect = session.Dialect;
        var parameters = session.Parameters();
        // One row per active role of the owner; at least one row, since the joins are outer.
        var sql =
            "SELECT t.tenant_id, t.id, t.owner_id, t.hash, t.expires, t.revoked, t.last_used, t.last_client, t.permission_ceiling, " +
            "u.id, u.status, u.active, r.permissions " +
            "FROM scim_tokens t " +
            "LEFT JOIN users u ON u.tenant_id = t.tenant_id AND u.id = t.owner_id " +
            "LEFT JOIN role_grants g ON g.tenant_id = t.tenant_id AND g.user_id = t.owner_id " +
            $"LEFT JOIN roles r ON r.tenant_id = g.tenant_id AND r.id = g.role_id AND r.active = {dialect.BooleanLiteral(true)} " +
            $"WHERE t.hash = {parameters.Add(hash)}";
        PresentedToken? found = null;
        var rows = await session.QueryAsync(sql, parameters, reader => Read(reader, dialect), cancellationToken);
        foreach (var (token, permissions) in rows)
        {
            found ??= token;
            if (permissions is not null)
            {
                found.OwnerPermissions.Add(permissions);
            }
        }

        return found;
    }

    private static (PresentedToken Token, string? Permissions) Read(DbDataReader reader, Filtering.ISqlDialect dialect)
    {
        DateTimeOffset? Timestamp(int ordinal) => reader.IsDBNull(ordinal) ? null : dialect.ReadTimestamp(reader, ordinal);
        var token = new PresentedToken(
            TenantId: dialect.ReadKey(reader, 0),
            Id: dialect.ReadKey(reader, 1),
            OwnerId: reader.IsDBNull(2) ? null : dialect.ReadKey(reader, 2),
            Hash: reader.GetFieldValue<byte[]>(3),
            Expires: Timestamp(4),
            Revoked: Timestamp(5),
            LastUsed: Timestamp(6),
            LastClient: reader.IsDBNull(7) ? null : reader.GetString(7),
            PermissionCeiling: reader.IsDBNull(8) ? null : reader.GetString(8),
            OwnerFound: !reader.IsDBNull(9),
            OwnerStatus: reader.IsDBNull(10) ? null : reader.GetString(10),
            OwnerActive: reader.IsDBNull(11) ? null : reader.GetBoolean(11));
        return (token, reader.IsDBNull(12) ? null : reader.GetString(12));
    }
}
