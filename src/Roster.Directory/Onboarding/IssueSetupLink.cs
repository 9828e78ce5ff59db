using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Operators;
using Roster.Directory.Resources;

namespace Roster.Directory.Onboarding;

/// <summary>
/// Issues a setup link for a tenant that has no administrator yet (<see cref="TenantAdministrators"/>):
/// the operator's way (CLI, operator API, the first start) to hand someone the console's "create
/// the first administrator" page. Single use, valid for the time asked (a day by default), only
/// the hash stored. Audited as <c>setup_link.issue</c> in the tenant's log (never the token).
/// </summary>
public sealed class IssueSetupLink(DirectoryDatabase database, TimeProvider time)
{
    public async Task<AdminResult<IssuedSetupLink>> ExecuteAsync(OperatorActor @operator, Guid tenantId, TimeSpan validFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@operator);
        var actor = @operator.In(tenantId);
        if (validFor < SetupLinkTokens.ShortestLifetime || validFor > SetupLinkTokens.LongestLifetime)
        {
            return SetupLinkErrors.Lifetime(SetupLinkTokens.ShortestLifetime, SetupLinkTokens.LongestLifetime);
        }

        var now = ScimDateTime.Truncate(time.GetUtcNow());
        return await database.AdminWriteAsync<IssuedSetupLink>(actor.TenantId, async session =>
        {
            if (await SetupLinkSql.TenantNameAsync(session, cancellationToken) is null)
            {
                return SetupLinkErrors.TenantNotFound(actor.TenantId);
            }

            if (await TenantAdministrators.ExistAsync(session, cancellationToken))
            {
                return AdminError.Conflict(SetupLinkErrors.AdministratorExists);
            }

            var id = Guid.CreateVersion7(now);
            var (token, hash) = SetupLinkTokens.New(actor.TenantId, id);
            var link = new SetupLinkRecord { TenantId = actor.TenantId, Id = id, Hash = hash, Created = now, Expires = now + validFor, IssuedBy = actor.Client };
            await SetupLinkSql.InsertAsync(session, link, cancellationToken);
            var changes = new JsonObject { ["expires"] = ScimDateTime.ToText(link.Expires), ["issuedBy"] = actor.Client };
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, OnboardingAuditActions.SetupLinkIssue, OnboardingAuditActions.SetupLinkResource, id, changes), now, cancellationToken);
            return new IssuedSetupLink(id, actor.TenantId, token, link.Expires);
        }, cancellationToken);
    }
}
