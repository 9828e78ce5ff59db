using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Sso;

/// <summary>The statements on <c>sso_settings</c> and <c>sso_break_glass</c>.</summary>
internal static class SsoSettingsSql
{
    public static async Task<SsoSettings> ReadAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var flags = await session.QueryAsync(
            $"SELECT sso_only, scim_requires_sso_only, administrators_need_second_factor FROM sso_settings WHERE tenant_id = {SqlParameters.Tenant}",
            session.Parameters(), reader => (Flag(reader.GetValue(0)), Flag(reader.GetValue(1)), Flag(reader.GetValue(2))), cancellationToken);
        var breakGlass = await session.QueryAsync(
            $"SELECT user_id FROM sso_break_glass WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), reader => dialect.ReadKey(reader, 0), cancellationToken);
        var (ssoOnly, scimRequires, secondFactor) = flags.Count == 0 ? (false, false, false) : flags[0];
        return new SsoSettings(session.TenantId, ssoOnly, scimRequires, [.. breakGlass.Order()]) { AdministratorsNeedSecondFactor = secondFactor };
    }

    public static async Task WriteAsync(SqlSession session, SsoSettings settings, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var ssoOnly = parameters.Add(dialect.BooleanValue(settings.SsoOnly));
        var scimRequires = parameters.Add(dialect.BooleanValue(settings.ScimRequiresSsoOnly));
        var secondFactor = parameters.Add(dialect.BooleanValue(settings.AdministratorsNeedSecondFactor));
        var sql = "INSERT INTO sso_settings (tenant_id, sso_only, scim_requires_sso_only, administrators_need_second_factor) " +
            $"VALUES ({SqlParameters.Tenant}, {ssoOnly}, {scimRequires}, {secondFactor}) " +
            $"ON CONFLICT (tenant_id) DO UPDATE SET sso_only = {ssoOnly}, scim_requires_sso_only = {scimRequires}, administrators_need_second_factor = {secondFactor}; " +
            $"DELETE FROM sso_break_glass WHERE tenant_id = {SqlParameters.Tenant};";
        foreach (var user in settings.BreakGlass)
        {
            sql += $"INSERT INTO sso_break_glass (tenant_id, user_id) VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(user))});";
        }

        await session.ExecuteAsync(sql, parameters, cancellationToken);
    }

    /// <summary>Whether <paramref name="userId"/> may sign in with a password although the tenant is SSO only.</summary>
    public static async Task<bool> IsBreakGlassAsync(SqlSession session, Guid userId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return await session.ScalarAsync(
            $"SELECT 1 FROM sso_break_glass WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {parameters.Add(session.Dialect.Key(userId))}",
            parameters, cancellationToken) is not null;
    }

    /// <summary>True when the tenant is SSO only and <paramref name="connectionId"/> is its last enabled connection.</summary>
    public static async Task<bool> IsLastForSsoOnlyAsync(SqlSession session, Guid connectionId, CancellationToken cancellationToken)
    {
        var settings = await ReadAsync(session, cancellationToken);
        if (!settings.SsoOnly)
        {
            return false;
        }

        var connections = await SsoConnectionSql.ReadAllAsync(session, cancellationToken);
        return !connections.Any(c => c.Enabled && c.Id != connectionId);
    }

    public static JsonObject ToAuditJson(SsoSettings settings) => new()
    {
        ["ssoOnly"] = settings.SsoOnly,
        ["scimRequiresSsoOnly"] = settings.ScimRequiresSsoOnly,
        ["administratorsNeedSecondFactor"] = settings.AdministratorsNeedSecondFactor,
        ["breakGlass"] = string.Join(' ', settings.BreakGlass.Order()),
    };

    private static bool Flag(object value) => Convert.ToBoolean(value, System.Globalization.CultureInfo.InvariantCulture);
}
