using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Sso;

/// <summary>
/// Removes a connection; people whose login authenticator named it are set back to a password
/// (they have none until invited, so nobody gains a way in). The last enabled connection of an
/// SSO-only tenant cannot be removed. Audited as <c>sso_connection.delete</c>.
/// </summary>
public sealed class DeleteSsoConnection(DirectoryDatabase database, TimeProvider time)
{
    public async Task<AdminResult<bool>> ExecuteAsync(AdminActor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await database.AdminWriteAsync<bool>(actor.TenantId, async session =>
        {
            var row = await SsoConnectionSql.ReadAsync(session, id, cancellationToken);
            if (row is null)
            {
                return SsoErrors.NotFound();
            }

            if (row.Connection.Enabled && await SsoSettingsSql.IsLastForSsoOnlyAsync(session, id, cancellationToken))
            {
                return SsoErrors.LastForSsoOnly();
            }

            var parameters = session.Parameters();
            await session.ExecuteAsync(
                $"UPDATE users SET login_authenticator = {parameters.Add(LoginAuthenticators.Password)} " +
                $"WHERE tenant_id = {Filtering.SqlParameters.Tenant} AND login_authenticator = {parameters.Add(row.Connection.Authenticator)}",
                parameters, cancellationToken);
            await SsoConnectionSql.DeleteAsync(session, id, cancellationToken);
            var entry = AuditEntry.For(actor, AuditActions.SsoConnectionDelete, AuditResourceTypes.SsoConnection, id, AuditChanges.Diff(SsoConnectionSql.ToAuditJson(row.Connection), null));
            await AuditTrail.AppendAsync(session, entry, ScimDateTime.Truncate(time.GetUtcNow()), cancellationToken);
            return true;
        }, cancellationToken);
    }
}
