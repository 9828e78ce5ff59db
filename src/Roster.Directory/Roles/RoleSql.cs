using System.Data.Common;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Roles;

/// <summary>The statements on <c>roles</c> that the role use cases and the provisioning policy share.</summary>
internal static class RoleSql
{
    private const string Columns = "id, name, active, permissions, created, last_modified";

    public static async Task<Role?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {Columns} FROM roles WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}",
            parameters, reader => Read(reader, dialect), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Every role of the tenant, by name (ordinal, as names compare).</summary>
    public static async Task<List<Role>> ReadAllAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var roles = await session.QueryAsync(
            $"SELECT {Columns} FROM roles WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), reader => Read(reader, dialect), cancellationToken);
        roles.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return roles;
    }

    public static Task InsertAsync(SqlSession session, Role role, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"INSERT INTO roles (tenant_id, {Columns}) VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(role.Id))}, {parameters.Add(role.Name)}, " +
            $"{parameters.Add(dialect.BooleanValue(role.Active))}, {parameters.Add(RolePermissions.ToColumn(role.Permissions))}, " +
            $"{parameters.Add(dialect.Timestamp(role.Created))}, {parameters.Add(dialect.Timestamp(role.LastModified))})",
            parameters, cancellationToken);
    }

    public static Task UpdateAsync(SqlSession session, Role role, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"UPDATE roles SET name = {parameters.Add(role.Name)}, active = {parameters.Add(dialect.BooleanValue(role.Active))}, " +
            $"permissions = {parameters.Add(RolePermissions.ToColumn(role.Permissions))}, last_modified = {parameters.Add(dialect.Timestamp(role.LastModified))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(role.Id))}",
            parameters, cancellationToken);
    }

    /// <summary>The role as the audit log shows it, for <see cref="Audit.AuditChanges.Diff"/>.</summary>
    public static JsonObject ToAuditJson(Role role) => new()
    {
        ["name"] = role.Name,
        ["active"] = role.Active,
        ["permissions"] = new JsonArray([.. role.Permissions.Select(p => JsonValue.Create(p.Key))]),
    };

    private static Role Read(DbDataReader reader, ISqlDialect dialect) => new(
        dialect.ReadKey(reader, 0),
        reader.GetString(1),
        Convert.ToBoolean(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
        RolePermissions.FromColumn(reader.GetString(3)),
        dialect.ReadTimestamp(reader, 4),
        dialect.ReadTimestamp(reader, 5));
}
