using System.Data.Common;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Sso;

/// <summary>
/// Adds a single sign-on connection. A SAML connection gets its own signing key (kept encrypted)
/// for AuthnRequests; an OpenID one keeps its client secret encrypted. The creator's permissions
/// become the connection's ceiling (<see cref="SsoConnection.Ceiling"/>). Audited as
/// <c>sso_connection.create</c>.
/// </summary>
public sealed class CreateSsoConnection(DirectoryDatabase database, TimeProvider time, SsoSecrets secrets, SsoOptions options)
{
    public async Task<AdminResult<SsoConnection>> ExecuteAsync(AdminActor actor, SsoProtocol protocol, SsoConnectionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var id = Guid.CreateVersion7(now);
        string? spCertificate = null;
        string? secret = null;
        if (protocol == SsoProtocol.Saml)
        {
            var (certificate, key) = SsoCertificates.CreateSigningKey(id, now);
            spCertificate = certificate;
            secret = secrets.Protect(id, key);
        }
        else if (draft.ClientSecret is { Length: > 0 } clientSecret)
        {
            secret = secrets.Protect(id, clientSecret);
        }

        var made = SsoConnectionRules.Apply(null, protocol, id, draft, actor.Permissions, options, now, spCertificate);
        if (!made.IsSuccess)
        {
            return made.Error;
        }

        var connection = made.Value;
        return await database.AdminWriteAsync<SsoConnection>(actor.TenantId, async session =>
        {
            if ((await SsoConnectionSql.ReadAllAsync(session, cancellationToken)).Count >= SsoConnectionRules.MaxConnections)
            {
                return SsoErrors.TooMany();
            }

            try
            {
                await SsoConnectionSql.InsertAsync(session, connection, secret, cancellationToken);
            }
            catch (DbException e) when (session.Dialect.IsUniqueViolation(e))
            {
                return SsoErrors.NameTaken(connection.Name);
            }

            var entry = AuditEntry.For(actor, AuditActions.SsoConnectionCreate, AuditResourceTypes.SsoConnection, id, AuditChanges.Diff(null, SsoConnectionSql.ToAuditJson(connection)));
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            return connection;
        }, cancellationToken);
    }
}
