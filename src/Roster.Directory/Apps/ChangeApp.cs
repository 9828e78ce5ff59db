using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Apps;

/// <summary>
/// Deletes an app registration, or revokes the consents given to it: either way every token
/// the app holds stops working at once. Audited as <c>app.delete</c> / <c>app.consent.revoke</c>.
/// </summary>
public sealed class ChangeApp(DirectoryDatabase database, TimeProvider time, OAuthClientRegistry clients)
{
    public async Task<AdminResult<bool>> DeleteAsync(AdminActor actor, Guid id, CancellationToken cancellationToken)
    {
        var app = await AuditedAsync(actor, id, AuditActions.AppDelete, delete: true, cancellationToken);
        if (app.IsSuccess)
        {
            await clients.DeleteAsync(app.Value.ClientId, cancellationToken);
        }

        return app.IsSuccess ? true : app.Error;
    }

    /// <summary>Revokes every consent and token of the app; the app stays registered and may ask again.</summary>
    public async Task<AdminResult<long>> RevokeConsentsAsync(AdminActor actor, Guid id, CancellationToken cancellationToken)
    {
        var app = await AuditedAsync(actor, id, AuditActions.AppConsentRevoke, delete: false, cancellationToken);
        return app.IsSuccess ? await clients.RevokeGrantsAsync(app.Value.ClientId, cancellationToken) : app.Error;
    }

    private Task<AdminResult<AppRegistration>> AuditedAsync(AdminActor actor, Guid id, string action, bool delete, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        return database.AdminWriteAsync<AppRegistration>(actor.TenantId, async session =>
        {
            var app = await AppSql.ReadAsync(session, id, cancellationToken);
            if (app is null)
            {
                return AdminError.NotFound($"There is no app registration {id} in this organization.");
            }

            if (delete)
            {
                await AppSql.DeleteAsync(session, id, cancellationToken);
            }

            var changes = delete ? AuditChanges.Diff(AppSql.ToAuditJson(app), null) : [];
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, action, AuditResourceTypes.App, id, changes), now, cancellationToken);
            return app;
        }, cancellationToken);
    }
}
