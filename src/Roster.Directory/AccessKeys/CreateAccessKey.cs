using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.AccessKeys;

/// <summary>
/// Adds an access key to an employee profile whose role allows it (CXone: a role with "create
/// and edit employees"). The administrator must hold every permission the owner holds, and the
/// key keeps what the administrator held as its ceiling (<see cref="PrivilegeRules.CeilingFor"/>).
/// The secret is returned once; OpenIddict keeps only its hash, as the OAuth client secret.
/// Audited as <c>access_key.create</c>.
/// </summary>
public sealed class CreateAccessKey(DirectoryDatabase database, TimeProvider time, OAuthClientRegistry clients)
{
    public async Task<AdminResult<IssuedAccessKey>> ExecuteAsync(AdminActor actor, Guid ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using (var session = await database.ReadAsync(actor.TenantId, cancellationToken))
        {
            if (await CheckOwnerAsync(session, actor, ownerId, cancellationToken) is { } refused)
            {
                return refused;
            }
        }

        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var secret = AccessKeyFormat.Secret.Generate();
        var record = new AccessKeyRecord
        {
            TenantId = actor.TenantId,
            Id = Guid.CreateVersion7(now),
            OwnerId = ownerId,
            KeyId = AccessKeyFormat.NewKeyId(),
            SecretHint = SecretFormat.Hint(secret),
            Created = now,
            PermissionCeiling = PrivilegeRules.CeilingFor(actor.Permissions, actor.ProfileId, ownerId),
        };

        // The OAuth client first: if the key's row cannot be written, the client is removed again,
        // so a key never exists without the client that makes it usable, nor the other way round.
        await clients.RegisterAsync(AccessKeyClients.Describe(record.KeyId, secret, actor.TenantId), cancellationToken);
        try
        {
            var result = await database.AdminWriteAsync<IssuedAccessKey>(actor.TenantId, async session =>
            {
                if (await CheckOwnerAsync(session, actor, ownerId, cancellationToken) is { } refused)
                {
                    return refused;
                }

                await AccessKeySql.InsertAsync(session, record, cancellationToken);
                var key = (await AccessKeySql.ReadAsync(session, record.Id, cancellationToken))!;
                var entry = AuditEntry.For(actor, AuditActions.AccessKeyCreate, AuditResourceTypes.AccessKey, key.Id, AuditChanges.Diff(null, AccessKeySql.ToAuditJson(key)));
                await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
                return new IssuedAccessKey(key, secret);
            }, cancellationToken);
            if (!result.IsSuccess)
            {
                await clients.DeleteAsync(record.KeyId, CancellationToken.None);
            }

            return result;
        }
        catch
        {
            await clients.DeleteAsync(record.KeyId, CancellationToken.None);
            throw;
        }
    }

    private static async Task<AdminError?> CheckOwnerAsync(SqlSession session, AdminActor actor, Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = await CredentialOwners.ReadAsync(session, ownerId, cancellationToken);
        if (owner is null)
        {
            return AccessKeyErrors.OwnerNotFound(ownerId);
        }

        if (owner.IsDeactivated)
        {
            return AccessKeyErrors.OwnerDeactivated(ownerId);
        }

        if (owner.RefuseIssue(actor.Permissions, "an access key") is { } refused)
        {
            return AdminError.Forbidden(refused);
        }

        return owner.Grants(Permission.EmployeesEdit) ? null : AccessKeyErrors.RoleDoesNotAllow(owner.Employee.PrimaryRoleName);
    }
}
