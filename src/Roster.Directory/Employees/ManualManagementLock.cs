using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Provisioning;

namespace Roster.Directory.Employees;

/// <summary>
/// While SCIM provisioning is on, the tenant's IdP owns its users, so manual create, edit and
/// delete are refused (MoEngage and CXone both disable them); otherwise the next sync would
/// silently undo or fight the change. Unblocking a locked profile is not a change the IdP can
/// make, so <see cref="UnlockEmployee"/> does not ask this lock. A credential-only profile
/// (<see cref="BillingAttributes.CredentialOnly"/>) is not the IdP's: it may be created, changed
/// (staying credential-only) and deleted by hand while SCIM is on, as CXone's access-key profile
/// needs.
/// </summary>
internal static class ManualManagementLock
{
    /// <summary>The refusal, or null when <paramref name="actor"/> may manage users by hand; read in the write's transaction.</summary>
    public static async Task<AdminError?> CheckAsync(SqlSession session, AdminActor actor, CancellationToken cancellationToken, bool credentialOnly = false)
    {
        if (actor.ActsAsOperator || credentialOnly)
        {
            return null;
        }

        var settings = await ScimSettingsSql.ReadAsync(session, cancellationToken);
        return settings.Enabled ? EmployeeErrors.ManagedByScim() : null;
    }
}
