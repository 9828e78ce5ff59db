using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Apps;

/// <summary>
/// Registers an app (seed 002) as an OAuth client of the tenant. A confidential or back-end app
/// gets a client secret, returned once (<c>roster_cs_</c> prefix; OpenIddict keeps its hash).
/// Audited as <c>app.create</c>.
/// </summary>
public sealed class RegisterApp(DirectoryDatabase database, TimeProvider time, OAuthClientRegistry clients)
{
    public static readonly SecretFormat ClientSecretFormat = new("roster_cs_");

    public async Task<AdminResult<RegisteredApp>> ExecuteAsync(AdminActor actor, AppDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var checkedDraft = AppRules.Check(draft);
        if (!checkedDraft.IsSuccess)
        {
            return checkedDraft.Error;
        }

        var valid = checkedDraft.Value!;
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var secret = valid.ClientType == AppClientType.UserPublic ? null : ClientSecretFormat.Generate();
        var record = new AppRegistrationRecord
        {
            TenantId = actor.TenantId,
            Id = Guid.CreateVersion7(now),
            ClientId = $"roster_app_{SecretFormat.RandomText(24)}",
            Name = valid.Name,
            Description = valid.Description,
            Contacts = AppSql.ToColumn(valid.Contacts),
            ClientType = AppClientTypes.ToText(valid.ClientType),
            RedirectUris = AppSql.ToColumn(valid.RedirectUris),
            Scopes = AppSql.ToColumn(valid.Scopes),
            Created = now,
        };

        await clients.RegisterAsync(AppClients.Describe(record.ClientId, secret, valid, actor.TenantId), cancellationToken);
        try
        {
            return await database.AdminWriteAsync<RegisteredApp>(actor.TenantId, async session =>
            {
                await AppSql.InsertAsync(session, record, cancellationToken);
                var app = (await AppSql.ReadAsync(session, record.Id, cancellationToken))!;
                var entry = AuditEntry.For(actor, AuditActions.AppCreate, AuditResourceTypes.App, app.Id, AuditChanges.Diff(null, AppSql.ToAuditJson(app)));
                await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
                return new RegisteredApp(app, secret);
            }, cancellationToken);
        }
        catch
        {
            await clients.DeleteAsync(record.ClientId, CancellationToken.None);
            throw;
        }
    }
}
