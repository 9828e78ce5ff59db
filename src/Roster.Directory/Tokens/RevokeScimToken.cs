using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Tokens;

/// <summary>
/// Revokes a SCIM token at once; audited as <c>scim_token.revoke</c>. Revoking a revoked token
/// changes nothing.
/// </summary>
public sealed class RevokeScimToken(DirectoryDatabase database, TimeProvider time)
{
    public async Task<AdminResult<ScimTokenSummary>> ExecuteAsync(AdminActor actor, Guid tokenId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        return await database.AdminWriteAsync<ScimTokenSummary>(actor.TenantId, async session =>
        {
            var before = await ScimTokenSql.ReadAsync(session, tokenId, now, cancellationToken);
            if (before is null)
            {
                return ScimTokenErrors.NotFound(tokenId);
            }

            if (before.Revoked is not null)
            {
                return before;
            }

            await ScimTokenSql.RevokeAsync(session, tokenId, now, cancellationToken);
            var after = (await ScimTokenSql.ReadAsync(session, tokenId, now, cancellationToken))!;
            var changes = AuditChanges.Diff(ScimTokenSql.ToAuditJson(before), ScimTokenSql.ToAuditJson(after));
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.ScimTokenRevoke, AuditResourceTypes.ScimToken, tokenId, changes), now, cancellationToken);
            return after;
        }, cancellationToken);
    }

    /// <summary>The operator revokes a token; false when the id is unknown in that tenant.</summary>
    public async Task<bool> ExecuteAsync(Guid tenantId, Guid tokenId, CancellationToken cancellationToken) =>
        (await ExecuteAsync(AdminActor.Operator(tenantId), tokenId, cancellationToken)).IsSuccess;
}
