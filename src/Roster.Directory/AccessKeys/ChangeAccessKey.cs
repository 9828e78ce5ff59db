using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.AccessKeys;

/// <summary>
/// Deactivates, reactivates or deletes an access key. Deactivating stops the key and every
/// token it obtained at once (the tokens are revoked, and each use checks the key); deleting
/// also removes its OAuth client, so a lost secret means a new key. Taking power away needs only
/// <c>accesskeys.manage</c>; reactivating also needs every permission the key's owner holds.
/// Each change is audited.
/// </summary>
public sealed class ChangeAccessKey(DirectoryDatabase database, TimeProvider time, OAuthClientRegistry clients)
{
    public Task<AdminResult<AccessKey>> DeactivateAsync(AdminActor actor, Guid id, CancellationToken cancellationToken) =>
        SetActiveAsync(actor, id, active: false, cancellationToken);

    public Task<AdminResult<AccessKey>> ActivateAsync(AdminActor actor, Guid id, CancellationToken cancellationToken) =>
        SetActiveAsync(actor, id, active: true, cancellationToken);

    public async Task<AdminResult<bool>> DeleteAsync(AdminActor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        string? keyId = null;
        var result = await database.AdminWriteAsync<bool>(actor.TenantId, async session =>
        {
            var before = await AccessKeySql.ReadAsync(session, id, cancellationToken);
            if (before is null)
            {
                return AccessKeyErrors.NotFound(id);
            }

            keyId = before.KeyId;
            await AccessKeySql.DeleteAsync(session, id, cancellationToken);
            var entry = AuditEntry.For(actor, AuditActions.AccessKeyDelete, AuditResourceTypes.AccessKey, id, AuditChanges.Diff(AccessKeySql.ToAuditJson(before), null));
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            return true;
        }, cancellationToken);
        if (result.IsSuccess)
        {
            await clients.DeleteAsync(keyId!, cancellationToken);
        }

        return result;
    }

    private async Task<AdminResult<AccessKey>> SetActiveAsync(AdminActor actor, Guid id, bool active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var result = await database.AdminWriteAsync<AccessKey>(actor.TenantId, async session =>
        {
            var before = await AccessKeySql.ReadAsync(session, id, cancellationToken);
            if (before is null)
            {
                return AccessKeyErrors.NotFound(id);
            }

            if (before.Active == active)
            {
                return before;
            }

            // Turning a key back on gives its power back: only someone who holds what its owner holds may.
            if (active && await CredentialOwners.ReadAsync(session, before.OwnerId, cancellationToken) is { } owner
                && owner.RefuseIssue(actor.Permissions, "an access key") is { } refused)
            {
                return AdminError.Forbidden(refused);
            }

            await AccessKeySql.SetDeactivatedAsync(session, id, active ? null : now, cancellationToken);
            var after = (await AccessKeySql.ReadAsync(session, id, cancellationToken))!;
            var action = active ? AuditActions.AccessKeyActivate : AuditActions.AccessKeyDeactivate;
            var changes = AuditChanges.Diff(AccessKeySql.ToAuditJson(before), AccessKeySql.ToAuditJson(after));
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, action, AuditResourceTypes.AccessKey, id, changes), now, cancellationToken);
            return after;
        }, cancellationToken);
        if (result.IsSuccess && !active)
        {
            await clients.RevokeGrantsAsync(result.Value.KeyId, cancellationToken);
        }

        return result;
    }
}
