using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Apps;

/// <summary>
/// Changes an app registration's description, technical contacts, redirect URLs, registrant and
/// business unit, the details an identity provider's setup changes. Its client ID, client secret,
/// type and scopes stay as they are, so nothing has to be pasted into the IdP again and no token
/// stops working; a code can only be redeemed at a redirect URL still registered. Checked by the
/// same rules as registering (all fields at once); audited as <c>app.update</c> (the event
/// <c>app.updated</c>) when something changed. The OAuth client's redirect URLs change first and
/// are put back if the registration's write fails, as registering does.
/// </summary>
public sealed class UpdateApp(DirectoryDatabase database, TimeProvider time, OAuthClientRegistry clients)
{
    public async Task<AdminResult<AppRegistration>> ExecuteAsync(AdminActor actor, Guid id, AppDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(details);
        AppRegistration? before;
        await using (var read = await database.ReadAsync(actor.TenantId, cancellationToken))
        {
            before = await AppSql.ReadAsync(read, id, cancellationToken);
        }

        if (before is null)
        {
            return AdminError.NotFound($"There is no app registration {id} in this organization.");
        }

        var checkedDraft = AppRules.Check(new AppDraft(before.Name, details.Description, details.Contacts, before.ClientType, details.RedirectUris, before.Scopes,
            Registrant: details.Registrant, BusinessUnit: details.BusinessUnit));
        if (!checkedDraft.IsSuccess)
        {
            return checkedDraft.Error;
        }

        var valid = checkedDraft.Value;
        var redirectsChange = !valid.RedirectUris.SequenceEqual(before.RedirectUris, StringComparer.Ordinal);
        if (redirectsChange)
        {
            await clients.SetRedirectUrisAsync(before.ClientId, valid.RedirectUris, cancellationToken);
        }

        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var saved = false;
        try
        {
            var result = await database.AdminWriteAsync<AppRegistration>(actor.TenantId, async session =>
            {
                var current = await AppSql.ReadAsync(session, id, cancellationToken);
                if (current is null)
                {
                    return AdminError.NotFound($"There is no app registration {id} in this organization.");
                }

                await AppSql.UpdateAsync(session, id, valid, cancellationToken);
                var after = (await AppSql.ReadAsync(session, id, cancellationToken))!;
                var changes = AuditChanges.Diff(AppSql.ToAuditJson(current), AppSql.ToAuditJson(after));

                // A save that changes nothing is no change: no audit row, no app.updated event.
                if (changes.Count > 0)
                {
                    await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.AppUpdate, AuditResourceTypes.App, id, changes), now, cancellationToken);
                }

                return after;
            }, cancellationToken);
            saved = result.IsSuccess;
            return result;
        }
        finally
        {
            if (redirectsChange && !saved)
            {
                await clients.SetRedirectUrisAsync(before.ClientId, before.RedirectUris, CancellationToken.None);
            }
        }
    }
}
