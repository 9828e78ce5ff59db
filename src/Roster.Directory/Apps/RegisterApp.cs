using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.Apps;

/// <summary>
/// Registers an app (seed 002) as an OAuth client of the tenant. A confidential or back-end app
/// gets a client secret, returned once (<c>roster_cs_</c> prefix; OpenIddict keeps its hash).
/// A back-end app's tokens act for a profile (the registering administrator unless another is
/// named, which needs every permission that profile holds) within the registrant's permissions;
/// user apps act for whoever signs in and consents. Audited as <c>app.create</c>.
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

        var valid = checkedDraft.Value;
        var ownerId = valid.ClientType == AppClientType.BackEnd ? valid.OwnerId ?? actor.ProfileId : null;
        if (valid.ClientType != AppClientType.BackEnd && valid.OwnerId is not null)
        {
            return AdminError.Validation("Only a back-end app acts for a profile; a user app acts for whoever signs in and approves it.");
        }

        var registrant = valid.Registrant;
        if (ownerId is not null || (registrant is null && actor.ProfileId is not null))
        {
            await using var read = await database.ReadAsync(actor.TenantId, cancellationToken);
            if (ownerId is { } owner && await CheckOwnerAsync(read, actor, owner, cancellationToken) is { } refused)
            {
                return refused;
            }

            // The form's registrant defaults to the person registering; the admin API's does too.
            if (registrant is null && actor.ProfileId is { } me && await CredentialOwners.ReadAsync(read, me, cancellationToken) is { } person)
            {
                registrant = Describe(person.Employee);
            }
        }

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
            OwnerId = ownerId,
            Registrant = registrant,
            BusinessUnit = valid.BusinessUnit,
            PermissionCeiling = ownerId is { } o ? PrivilegeRules.CeilingFor(actor.Permissions, actor.ProfileId, o) : null,
        };

        await clients.RegisterAsync(AppClients.Describe(record.ClientId, secret, valid, actor.TenantId), cancellationToken);
        try
        {
            var result = await database.AdminWriteAsync<RegisteredApp>(actor.TenantId, async session =>
            {
                if (ownerId is { } owner && await CheckOwnerAsync(session, actor, owner, cancellationToken) is { } refused)
                {
                    return refused;
                }

                await AppSql.InsertAsync(session, record, cancellationToken);
                var app = (await AppSql.ReadAsync(session, record.Id, cancellationToken))!;
                var entry = AuditEntry.For(actor, AuditActions.AppCreate, AuditResourceTypes.App, app.Id, AuditChanges.Diff(null, AppSql.ToAuditJson(app)));
                await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
                return new RegisteredApp(app, secret);
            }, cancellationToken);
            if (!result.IsSuccess)
            {
                await clients.DeleteAsync(record.ClientId, CancellationToken.None);
            }

            return result;
        }
        catch
        {
            await clients.DeleteAsync(record.ClientId, CancellationToken.None);
            throw;
        }
    }

    /// <summary>A person as the registrant box shows them: "Ada Admin &lt;ada@example.com&gt;", or the email alone without a name.</summary>
    public static string Describe(Employees.Employee person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var name = string.Join(' ', new[] { person.FirstName, person.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return name.Length == 0 ? person.Email : $"{name} <{person.Email}>";
    }

    private static async Task<AdminError?> CheckOwnerAsync(SqlSession session, AdminActor actor, Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = await CredentialOwners.ReadAsync(session, ownerId, cancellationToken);
        if (owner is null)
        {
            return AdminError.NotFound($"There is no employee {ownerId} in this organization for the back-end app to act for.");
        }

        if (owner.IsDeactivated)
        {
            return AdminError.Validation($"Employee {ownerId} is deactivated; a back-end app acting for it would not work. Pick an active profile.");
        }

        return owner.RefuseIssue(actor.Permissions, "a back-end app") is { } refused ? AdminError.Forbidden(refused) : null;
    }
}
