using Roster.Directory.Database;

namespace Roster.Directory.Sso;

/// <summary>
/// One connection of the tenant. <see cref="ExecuteAsync"/> leaves its secret out;
/// <see cref="WithSecretAsync"/> decrypts it, for the sign-in endpoints that must present it to the IdP.
/// </summary>
public sealed class GetSsoConnection(DirectoryDatabase database, SsoSecrets secrets)
{
    public async Task<SsoConnection?> ExecuteAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return (await SsoConnectionSql.ReadAsync(session, id, cancellationToken))?.Connection;
    }

    /// <summary>The connection and its decrypted secret (client secret, or the SAML signing key as PEM); null when there is no such connection.</summary>
    public async Task<(SsoConnection Connection, string? Secret)?> WithSecretAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var row = await SsoConnectionSql.ReadAsync(session, id, cancellationToken);
        return row is null ? null : (row.Connection, secrets.Unprotect(id, row.Secret));
    }
}
