using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Apps;

/// <summary>The statements on <c>app_registrations</c>.</summary>
internal static class AppSql
{
    private const string Columns = "id, client_id, name, description, contacts, client_type, redirect_uris, scopes, created, owner_id, registrant, business_unit";

    public static Task InsertAsync(SqlSession session, AppRegistrationRecord app, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"INSERT INTO app_registrations (tenant_id, {Columns}, permission_ceiling) VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(app.Id))}, " +
            $"{parameters.Add(app.ClientId)}, {parameters.Add(app.Name)}, {parameters.Add(app.Description)}, {parameters.Add(app.Contacts)}, " +
            $"{parameters.Add(app.ClientType)}, {parameters.Add(app.RedirectUris)}, {parameters.Add(app.Scopes)}, {parameters.Add(dialect.Timestamp(app.Created))}, " +
            $"{parameters.Add(app.OwnerId is { } owner ? dialect.Key(owner) : null)}, {parameters.Add(app.Registrant)}, {parameters.Add(app.BusinessUnit)}, {parameters.Add(app.PermissionCeiling)})",
            parameters, cancellationToken);
    }

    public static Task<List<AppRegistration>> ListAsync(SqlSession session, CancellationToken cancellationToken) =>
        QueryAsync(session, $"tenant_id = {SqlParameters.Tenant} ORDER BY created, id", session.Parameters(), cancellationToken);

    public static async Task<AppRegistration?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var rows = await QueryAsync(session, $"tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}", parameters, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public static async Task<AppRegistration?> ReadByClientIdAsync(SqlSession session, string clientId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var rows = await QueryAsync(session, $"tenant_id = {SqlParameters.Tenant} AND client_id = {parameters.Add(clientId)}", parameters, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public static Task UpdateAsync(SqlSession session, Guid id, AppDraft valid, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"UPDATE app_registrations SET description = {parameters.Add(valid.Description)}, contacts = {parameters.Add(ToColumn(valid.Contacts))}, " +
            $"redirect_uris = {parameters.Add(ToColumn(valid.RedirectUris))}, registrant = {parameters.Add(valid.Registrant)}, business_unit = {parameters.Add(valid.BusinessUnit)} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}",
            parameters, cancellationToken);
    }

    public static Task DeleteAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"DELETE FROM app_registrations WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}",
            parameters, cancellationToken);
    }

    public static string ToColumn(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    /// <summary>The app as the audit log shows it: never the secret.</summary>
    public static JsonObject ToAuditJson(AppRegistration app) => new()
    {
        ["clientId"] = app.ClientId,
        ["name"] = app.Name,
        ["description"] = app.Description,
        ["contacts"] = new JsonArray([.. app.Contacts.Select(c => JsonValue.Create(c))]),
        ["clientType"] = AppClientTypes.ToText(app.ClientType),
        ["redirectUris"] = new JsonArray([.. app.RedirectUris.Select(r => JsonValue.Create(r))]),
        ["scopes"] = new JsonArray([.. app.Scopes.Select(s => JsonValue.Create(s))]),
        ["ownerId"] = app.OwnerId?.ToString(),
        ["registrant"] = app.Registrant,
        ["businessUnit"] = app.BusinessUnit,
    };

    private static Task<List<AppRegistration>> QueryAsync(SqlSession session, string conditionAndOrder, SqlParameters parameters, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var tenantId = session.TenantId;
        return session.QueryAsync($"SELECT {Columns} FROM app_registrations WHERE {conditionAndOrder}", parameters, reader => Read(reader, dialect, tenantId), cancellationToken);
    }

    private static AppRegistration Read(DbDataReader reader, ISqlDialect dialect, Guid tenantId) => new(
        dialect.ReadKey(reader, 0),
        tenantId,
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        List(reader.GetString(4)),
        AppClientTypes.Parse(reader.GetString(5)) ?? AppClientType.BackEnd,
        List(reader.GetString(6)),
        List(reader.GetString(7)),
        dialect.ReadTimestamp(reader, 8),
        reader.IsDBNull(9) ? null : dialect.ReadKey(reader, 9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : reader.GetString(11));

    private static List<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
