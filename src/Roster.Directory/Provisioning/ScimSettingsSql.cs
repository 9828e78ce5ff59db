using System.Data.Common;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Provisioning;

/// <summary>The statements on <c>scim_settings</c>.</summary>
internal static class ScimSettingsSql
{
    /// <summary>The tenant's settings; a tenant without a row (none should exist) has the defaults.</summary>
    public static async Task<ScimSettings> ReadAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            "SELECT enabled, default_role_id, required_role_id, user_name_must_be_primary_email, names_not_updatable, enforce_verified_domains, last_call_at, last_client, token_max_days, " +
            "unknown_roles, manual_role_grants, names_required, identifiers_not_updatable, advertise_cursor_paging " +
            $"FROM scim_settings WHERE tenant_id = {SqlParameters.Tenant}",
            session.Parameters(), reader => Read(reader, dialect, session.TenantId), cancellationToken);
        return rows.Count == 0 ? ScimSettings.Default(session.TenantId) : rows[0];
    }

    public static Task WriteAsync(SqlSession session, ScimSettings settings, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var enabled = parameters.Add(dialect.BooleanValue(settings.Enabled));
        var defaultRole = parameters.Add(settings.DefaultRoleId is { } d ? dialect.Key(d) : null);
        var requiredRole = parameters.Add(settings.RequiredRoleId is { } r ? dialect.Key(r) : null);
        var userNameIsEmail = parameters.Add(dialect.BooleanValue(settings.UserNameMustBePrimaryEmail));
        var namesFixed = parameters.Add(dialect.BooleanValue(settings.NamesNotUpdatable));
        var domains = parameters.Add(dialect.BooleanValue(settings.EnforceVerifiedDomains));
        var tokenDays = parameters.Add(settings.TokenMaxDays);
        var unknownRoles = parameters.Add(UnknownRolePolicies.ToText(settings.UnknownRoles));
        var manualGrants = parameters.Add(dialect.BooleanValue(settings.ManualRoleGrants));
        var namesRequired = parameters.Add(dialect.BooleanValue(settings.NamesRequired));
        var identifiersFixed = parameters.Add(dialect.BooleanValue(settings.IdentifiersNotUpdatable));
        var cursorPaging = parameters.Add(dialect.BooleanValue(settings.AdvertiseCursorPaging));
        return session.ExecuteAsync(
            "INSERT INTO scim_settings (tenant_id, enabled, default_role_id, required_role_id, user_name_must_be_primary_email, names_not_updatable, enforce_verified_domains, token_max_days, " +
            "unknown_roles, manual_role_grants, names_required, identifiers_not_updatable, advertise_cursor_paging) " +
            $"VALUES ({SqlParameters.Tenant}, {enabled}, {defaultRole}, {requiredRole}, {userNameIsEmail}, {namesFixed}, {domains}, {tokenDays}, {unknownRoles}, {manualGrants}, " +
            $"{namesRequired}, {identifiersFixed}, {cursorPaging}) " +
            $"ON CONFLICT (tenant_id) DO UPDATE SET enabled = {enabled}, default_role_id = {defaultRole}, required_role_id = {requiredRole}, " +
            $"user_name_must_be_primary_email = {userNameIsEmail}, names_not_updatable = {namesFixed}, enforce_verified_domains = {domains}, token_max_days = {tokenDays}, " +
            $"unknown_roles = {unknownRoles}, manual_role_grants = {manualGrants}, names_required = {namesRequired}, " +
            $"identifiers_not_updatable = {identifiersFixed}, advertise_cursor_paging = {cursorPaging}",
            parameters, cancellationToken);
    }

    /// <summary>The settings as the audit log shows them, for <see cref="Audit.AuditChanges.Diff"/>.</summary>
    public static JsonObject ToAuditJson(ScimSettings settings) => new()
    {
        ["enabled"] = settings.Enabled,
        ["defaultRoleId"] = settings.DefaultRoleId?.ToString(),
        ["requiredRoleId"] = settings.RequiredRoleId?.ToString(),
        ["userNameMustBePrimaryEmail"] = settings.UserNameMustBePrimaryEmail,
        ["namesNotUpdatable"] = settings.NamesNotUpdatable,
        ["enforceVerifiedDomains"] = settings.EnforceVerifiedDomains,
        ["tokenMaxDays"] = settings.TokenMaxDays,
        ["unknownRoles"] = UnknownRolePolicies.ToText(settings.UnknownRoles),
        ["manualRoleGrants"] = settings.ManualRoleGrants,
        ["namesRequired"] = settings.NamesRequired,
        ["identifiersNotUpdatable"] = settings.IdentifiersNotUpdatable,
        ["advertiseCursorPaging"] = settings.AdvertiseCursorPaging,
    };

    private static ScimSettings Read(DbDataReader reader, ISqlDialect dialect, Guid tenantId) => new(
        tenantId,
        Flag(reader, 0),
        reader.IsDBNull(1) ? null : dialect.ReadKey(reader, 1),
        reader.IsDBNull(2) ? null : dialect.ReadKey(reader, 2),
        Flag(reader, 3),
        Flag(reader, 4),
        Flag(reader, 5),
        reader.IsDBNull(6) ? null : dialect.ReadTimestamp(reader, 6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        Convert.ToInt32(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture),
        UnknownRolePolicies.Parse(reader.GetString(9)) ?? UnknownRolePolicy.Refuse,
        Flag(reader, 10),
        Flag(reader, 11),
        Flag(reader, 12),
        Flag(reader, 13));

    private static bool Flag(DbDataReader reader, int ordinal) =>
        Convert.ToBoolean(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
