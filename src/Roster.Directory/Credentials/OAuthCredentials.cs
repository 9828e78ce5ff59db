using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.AccessKeys;
using Roster.Directory.Apps;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.Credentials;

/// <summary>
/// What Roster's OAuth endpoints and the SCIM API ask about OAuth credentials: which tenant and
/// owner a client_id belongs to, whether a person may hold the <c>scim</c> scope, and on every
/// SCIM call whether the credential and its person still stand, so that deactivating a key, an
/// app or a person stops its tokens at once (PRODUCT "active=false revokes access").
/// </summary>
public sealed class OAuthCredentials(DirectoryDatabase database, TimeProvider time)
{
    public const string KeyDeactivatedReason = "The access key that obtained this token has been deactivated or deleted.";
    public const string AppDeletedReason = "The app that obtained this token has been deleted.";
    public const string PersonDeactivatedReason = "The person this token acts for is deactivated, so the token no longer works.";

    /// <summary>Why a person (or a credential acting for them) gets no SCIM token.</summary>
    public static string ScimNotAllowed(string who) =>
        $"The permissions of {who} do not allow SCIM provisioning: it needs the 'employees.edit' permission.";

    // A client_id arrives before its tenant is known: these two look-ups ignore the tenant filter.
    private static readonly Func<RosterDbContext, string, CancellationToken, Task<AccessKeyRecord?>> FindKey =
        EF.CompileAsyncQuery((RosterDbContext db, string keyId, CancellationToken _) =>
            db.AccessKeys.IgnoreQueryFilters().AsNoTracking().FirstOrDefault(k => k.KeyId == keyId));

    private static readonly Func<RosterDbContext, string, CancellationToken, Task<AppRegistrationRecord?>> FindApp =
        EF.CompileAsyncQuery((RosterDbContext db, string clientId, CancellationToken _) =>
            db.AppRegistrations.IgnoreQueryFilters().AsNoTracking().FirstOrDefault(a => a.ClientId == clientId));

    private readonly UseStampGate _stamps = new();

    /// <summary>The client with this client_id, in whichever tenant it is; null when there is none.</summary>
    public async Task<OAuthClient?> FindClientAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(Guid.Empty);
        if (AccessKeyFormat.LooksLikeKeyId(clientId) && await FindKey(db, clientId, cancellationToken) is { } key)
        {
            return new OAuthClient(key.TenantId, OAuthClientKind.AccessKey, key.Id, key.OwnerId, key.DeactivatedAt is null, null, $"Access key {key.KeyId}");
        }

        if (await FindApp(db, clientId, cancellationToken) is { } app)
        {
            return new OAuthClient(app.TenantId, OAuthClientKind.App, app.Id, app.OwnerId, true, AppClientTypes.Parse(app.ClientType), app.Name);
        }

        return null;
    }

    /// <summary>
    /// Null when <paramref name="personId"/> is a profile of the tenant that is not deactivated
    /// and whose roles allow SCIM provisioning (<c>employees.edit</c>); else why not. Asked before
    /// a person consents at the authorize endpoint.
    /// </summary>
    public async Task<string?> CheckScimPersonAsync(Guid tenantId, Guid personId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var owner = await CredentialOwners.ReadAsync(session, personId, cancellationToken);
        if (owner is null || owner.IsDeactivated)
        {
            return PersonDeactivatedReason;
        }

        return owner.Grants(Permission.EmployeesEdit) ? null : ScimNotAllowed(owner.Employee.UserName);
    }

    /// <summary>
    /// On every SCIM call with an access token and every code or refresh-token exchange: whether
    /// the credential (access key or app) and the person still stand, and what the grant may do
    /// now. A <paramref name="delegated"/> grant (the authorization code flow) acts for the person
    /// who consented, with their permissions; a client-credentials grant acts for the key's or
    /// back-end app's owner within the credential's ceiling, and <paramref name="personId"/> must
    /// be that owner. One query.
    /// </summary>
    public async Task<GrantCheck> CheckGrantAsync(
        Guid tenantId, OAuthClientKind kind, Guid credentialId, Guid? personId, bool delegated, CancellationToken cancellationToken)
    {
        GrantRow? row;
        await using (var session = await database.ReadAsync(tenantId, cancellationToken))
        {
            row = await GrantRow.ReadAsync(session, kind, credentialId, personId, cancellationToken);
        }

        if (row is null || row.Deactivated)
        {
            return GrantCheck.Refused(kind == OAuthClientKind.AccessKey ? KeyDeactivatedReason : AppDeletedReason);
        }

        // Client credentials act for the credential's owner and no one else; the operator's back-end apps for no one.
        if (!delegated && row.OwnerId != personId)
        {
            return GrantCheck.Refused(kind == OAuthClientKind.AccessKey ? KeyDeactivatedReason : AppDeletedReason);
        }

        if (personId is null)
        {
            return new GrantCheck(null, PermissionSet.Unbounded);
        }

        if (!row.PersonFound || row.PersonActive == false || row.PersonStatus == EmployeeStatuses.Deactivated)
        {
            return GrantCheck.Refused(PersonDeactivatedReason);
        }

        var permissions = row.PersonPermissions;
        return new GrantCheck(null, delegated ? permissions : permissions.Within(PermissionSet.Parse(row.Ceiling, PermissionSet.Unbounded)));
    }

    /// <summary>Records an access key's use (at most once a minute per key); failures are ignored, the value is informational.</summary>
    public async Task NoteKeyUseAsync(Guid tenantId, Guid keyId, string? client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!_stamps.TryEnter(keyId, now))
        {
            return;
        }
        var stamp = ScimDateTime.Truncate(now);
        try
        {
            using (await database.EnterWriteGateAsync(cancellationToken))
            {
                await using var db = database.CreateContext(tenantId);
                await db.AccessKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(
                    set => set.SetProperty(k => k.LastUsed, stamp).SetProperty(k => k.LastClient, k => client ?? k.LastClient),
                    cancellationToken);
            }
        }
        catch (DbException)
        {
            _stamps.Forget(keyId);
        }
    }
}
