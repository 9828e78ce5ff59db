using System.Data.Common;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Roles;

namespace Roster.Directory.Sso;

/// <summary>The statements on <c>sso_connections</c>.</summary>
internal static class SsoConnectionSql
{
    private const string Columns = "id, name, protocol, enabled, just_in_time, settings, secret, permission_ceiling, version, created, last_modified";

    /// <summary>A connection as stored, its secret still encrypted.</summary>
    public sealed record Row(SsoConnection Connection, string? Secret);

    public static async Task<Row?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {Columns} FROM sso_connections WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}",
            parameters, reader => Read(reader, dialect), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Every connection of the tenant, by name.</summary>
    public static async Task<List<SsoConnection>> ReadAllAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var rows = await session.QueryAsync($"SELECT {Columns} FROM sso_connections WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), reader => Read(reader, dialect), cancellationToken);
        return [.. rows.Select(r => r.Connection).OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public static Task InsertAsync(SqlSession session, SsoConnection connection, string? secret, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"INSERT INTO sso_connections (tenant_id, {Columns}) VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(connection.Id))}, " +
            $"{parameters.Add(connection.Name)}, {parameters.Add(SsoProtocols.ToText(connection.Protocol))}, {parameters.Add(dialect.BooleanValue(connection.Enabled))}, " +
            $"{parameters.Add(dialect.BooleanValue(connection.JustInTime))}, {parameters.Add(SsoConnectionDocument.Write(connection.Oidc, connection.Saml))}, " +
            $"{parameters.Add(secret)}, {parameters.Add(Ceiling(connection.Ceiling))}, {parameters.Add(connection.Version)}, " +
            $"{parameters.Add(dialect.Timestamp(connection.Created))}, {parameters.Add(dialect.Timestamp(connection.LastModified))})",
            parameters, cancellationToken);
    }

    public static Task UpdateAsync(SqlSession session, SsoConnection connection, string? secret, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"UPDATE sso_connections SET name = {parameters.Add(connection.Name)}, enabled = {parameters.Add(dialect.BooleanValue(connection.Enabled))}, " +
            $"just_in_time = {parameters.Add(dialect.BooleanValue(connection.JustInTime))}, settings = {parameters.Add(SsoConnectionDocument.Write(connection.Oidc, connection.Saml))}, " +
            $"secret = {parameters.Add(secret)}, permission_ceiling = {parameters.Add(Ceiling(connection.Ceiling))}, version = {parameters.Add(connection.Version)}, " +
            $"last_modified = {parameters.Add(dialect.Timestamp(connection.LastModified))} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(connection.Id))}",
            parameters, cancellationToken);
    }

    public static Task<int> DeleteAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var key = parameters.Add(session.Dialect.Key(id));
        return session.ExecuteAsync(
            $"DELETE FROM saml_requests WHERE tenant_id = {SqlParameters.Tenant} AND connection_id = {key}; " +
            $"DELETE FROM sso_connections WHERE tenant_id = {SqlParameters.Tenant} AND id = {key}",
            parameters, cancellationToken);
    }

    /// <summary>The connection as the audit log shows it: what it trusts, never its secret.</summary>
    public static JsonObject ToAuditJson(SsoConnection connection)
    {
        var json = new JsonObject
        {
            ["name"] = connection.Name,
            ["protocol"] = SsoProtocols.ToText(connection.Protocol),
            ["enabled"] = connection.Enabled,
            ["justInTime"] = connection.JustInTime,
        };
        if (connection.Oidc is { } oidc)
        {
            json["issuer"] = oidc.Issuer;
            json["clientId"] = oidc.ClientId;
            json["clientSecret"] = oidc.HasClientSecret ? "set" : "none";
            json["scopes"] = string.Join(' ', oidc.Scopes);
            json["emailClaim"] = oidc.EmailClaim;
            json["givenNameClaim"] = oidc.GivenNameClaim;
            json["familyNameClaim"] = oidc.FamilyNameClaim;
        }

        if (connection.Saml is { } saml)
        {
            json["idpEntityId"] = saml.IdpEntityId;
            json["idpSsoUrl"] = saml.IdpSsoUrl;
            json["idpCertificates"] = string.Join(' ', saml.IdpCertificates.Select(SsoCertificates.Thumbprint));
            json["idpMetadataUrl"] = saml.IdpMetadataUrl;
            json["allowIdpInitiated"] = saml.AllowIdpInitiated;
            json["signRequests"] = saml.SignRequests;
            json["emailAttribute"] = saml.EmailAttribute;
            json["givenNameAttribute"] = saml.GivenNameAttribute;
            json["familyNameAttribute"] = saml.FamilyNameAttribute;
            json["clockSkewSeconds"] = saml.ClockSkewSeconds;
        }

        return json;
    }

    private static string? Ceiling(PermissionSet ceiling) => ceiling.IsUnbounded ? null : ceiling.ToText();

    private static Row Read(DbDataReader reader, ISqlDialect dialect)
    {
        var protocol = SsoProtocols.Parse(reader.GetString(2)) ?? SsoProtocol.Saml;
        var document = SsoConnectionDocument.Read(reader.GetString(5));
        var secret = reader.IsDBNull(6) ? null : reader.GetString(6);
        var connection = new SsoConnection(
            dialect.ReadKey(reader, 0),
            reader.GetString(1),
            protocol,
            Flag(reader, 3),
            Flag(reader, 4),
            protocol == SsoProtocol.OpenIdConnect ? document.Oidc(secret is not null) : null,
            protocol == SsoProtocol.Saml ? document.Saml() : null,
            PermissionSet.Parse(reader.IsDBNull(7) ? null : reader.GetString(7), PermissionSet.Unbounded),
            Convert.ToInt64(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture),
            dialect.ReadTimestamp(reader, 9),
            dialect.ReadTimestamp(reader, 10));
        return new Row(connection, secret);
    }

    private static bool Flag(DbDataReader reader, int ordinal) => Convert.ToBoolean(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
