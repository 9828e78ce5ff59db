using Roster.Directory.Administration;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.Tokens;

/// <summary>
/// Issues a SCIM bearer token owned by an employee profile, within the tenant's lifetime policy;
/// audited as <c>scim_token.create</c>. The plaintext is in the result and nowhere else: the
/// database keeps a SHA-256 hash (ARCHITECTURE decision 7). Issuing one for a profile needs every
/// permission it holds, and the token keeps the issuer's permissions as its ceiling.
/// </summary>
public sealed class IssueScimToken(DirectoryDatabase database, TimeProvider time)
{
    private const int MaxNameLength = 200;

    public async Task<AdminResult<IssuedScimToken>> ExecuteAsync(AdminActor actor, ScimTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return ScimTokenErrors.NameRequired();
        }

        if (name.Length > MaxNameLength)
        {
            return ScimTokenErrors.NameTooLong();
        }

        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var expires = ScimDateTime.Truncate(request.Expires ?? now + ScimTokenPolicy.DefaultLifetime);
        if (expires <= now)
        {
            return ScimTokenErrors.ExpiryInPast();
        }

        return await database.AdminWriteAsync<IssuedScimToken>(actor.TenantId, async session =>
        {
            var owner = await CredentialOwners.ReadAsync(session, request.OwnerId, cancellationToken);
            if (owner is null)
            {
                return ScimTokenErrors.OwnerNotFound(request.OwnerId);
            }

            if (owner.IsDeactivated)
            {
                return ScimTokenErrors.OwnerDeactivated(request.OwnerId);
            }

            if (owner.RefuseIssue(actor.Permissions, "a SCIM token") is { } refused)
            {
                return AdminError.Forbidden(refused);
            }

            var maxDays = await ScimTokenSql.MaxDaysAsync(session, cancellationToken);
            if (expires > now.AddDays(maxDays))
            {
                return ScimTokenErrors.ExpiryTooFar(maxDays);
            }

            var ceiling = PrivilegeRules.CeilingFor(actor.Permissions, actor.ProfileId, owner.Employee.Id);
            return await ScimTokenIssuance.InsertAsync(session, actor, name, expires, owner.Employee.Id, ceiling, now, cancellationToken);
        }, cancellationToken);
    }
}
