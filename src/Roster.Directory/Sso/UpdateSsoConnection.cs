using System.Data.Common;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Sso;

/// <summary>
/// Changes a connection: what is given in the draft, the rest kept. Saving a connection makes the
/// saver's permissions its ceiling, since whoever sets what an IdP is trusted with can sign in as
/// anyone the connection accepts; only disabling it, which takes power away, keeps the ceiling.
/// The last enabled connection of an SSO-only tenant cannot be disabled. Audited as
/// <c>sso_connection.update</c> with what changed; a change that changes nothing writes nothing.
/// </summary>
public sealed class UpdateSsoConnection(DirectoryDatabase database, TimeProvider time, SsoSecrets secrets, SsoOptions options)
{
    public async Task<AdminResult<SsoConnection>> ExecuteAsync(AdminActor actor, Guid id, SsoConnectionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        return await database.AdminWriteAsync<SsoConnection>(actor.TenantId, async session =>
        {
            var row = await SsoConnectionSql.ReadAsync(session, id, cancellationToken);
            if (row is null)
            {
                return SsoErrors.NotFound();
            }

            var before = row.Connection;
            var onlyDisables = draft == new SsoConnectionDraft(Enabled: false);
            var made = SsoConnectionRules.Apply(before, before.Protocol, id, draft, onlyDisables ? before.Ceiling : actor.Permissions, options, now, null);
            if (!made.IsSuccess)
            {
                return made.Error;
            }

            var after = made.Value;
            var secret = row.Secret;
            if (before.Protocol == SsoProtocol.OpenIdConnect && draft.ClientSecret is { } clientSecret)
            {
                secret = clientSecret.Length == 0 ? null : secrets.Protect(id, clientSecret);
            }

            var changes = AuditChanges.Diff(SsoConnectionSql.ToAuditJson(before), SsoConnectionSql.ToAuditJson(after));
            if (draft.ClientSecret is { Length: > 0 })
            {
                changes["clientSecret"] = new System.Text.Json.Nodes.JsonObject { ["before"] = before.Oidc?.HasClientSecret == true ? "set" : "none", ["after"] = "replaced" };
            }

            if (changes.Count == 0 && after.Ceiling.ToText() == before.Ceiling.ToText())
            {
                return before;
            }

            if (before.Enabled && !after.Enabled && await SsoSettingsSql.IsLastForSsoOnlyAsync(session, id, cancellationToken))
            {
                return SsoErrors.LastForSsoOnly();
            }

            try
            {
                await SsoConnectionSql.UpdateAsync(session, after, secret, cancellationToken);
            }
            catch (DbException e) when (session.Dialect.IsUniqueViolation(e))
            {
                return SsoErrors.NameTaken(after.Name);
            }

            if (changes.Count > 0)
            {
                var entry = AuditEntry.For(actor, AuditActions.SsoConnectionUpdate, AuditResourceTypes.SsoConnection, id, changes);
                await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            }

            return after;
        }, cancellationToken);
    }
}
