using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Sso;

/// <summary>
/// The AuthnRequests Roster sent and still waits for, kept in the database so that any node can
/// check a response's <c>InResponseTo</c>. Anyone can ask for a request (the sign-in page starts
/// one), so what that writes is bounded: each request lives <see cref="SsoOptions.SamlRequestLifetime"/>,
/// each new one first purges the tenant's expired ones, and past <see cref="SsoOptions.MaxPendingSamlRequests"/>
/// the oldest are forgotten (their people start again), so a flood costs a bounded number of rows.
/// </summary>
public sealed class SamlRequests(DirectoryDatabase database, SsoOptions options)
{
    /// <summary>Records a request of <paramref name="connectionId"/>; returns its ID (an xs:ID: it starts with a letter or '_').</summary>
    public async Task<string> StartAsync(Guid tenantId, Guid connectionId, string? returnUrl, CancellationToken cancellationToken)
    {
        var id = "_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        await using var session = await database.WriteAsync(tenantId, cancellationToken);
        var dialect = session.Dialect;
        var purge = session.Parameters();
        await session.ExecuteAsync($"DELETE FROM saml_requests WHERE tenant_id = {SqlParameters.Tenant} AND expires <= {purge.Add(dialect.Timestamp(session.Now))}", purge, cancellationToken);
        var pending = Convert.ToInt64(await session.ScalarAsync($"SELECT COUNT(*) FROM saml_requests WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (pending >= options.MaxPendingSamlRequests)
        {
            var trim = session.Parameters();
            await session.ExecuteAsync(
                $"DELETE FROM saml_requests WHERE tenant_id = {SqlParameters.Tenant} AND id IN (SELECT id FROM saml_requests WHERE tenant_id = {SqlParameters.Tenant} " +
                $"ORDER BY expires LIMIT {trim.Add(pending - options.MaxPendingSamlRequests + 1)})",
                trim, cancellationToken);
        }

        var insert = session.Parameters();
        await session.ExecuteAsync(
            $"INSERT INTO saml_requests (tenant_id, id, connection_id, return_url, expires) VALUES ({SqlParameters.Tenant}, {insert.Add(id)}, " +
            $"{insert.Add(dialect.Key(connectionId))}, {insert.Add(returnUrl is { Length: <= SsoSchema.MaxReturnUrlLength } ? returnUrl : null)}, {insert.Add(dialect.Timestamp(session.Now + options.SamlRequestLifetime))})",
            insert, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Uses up the request <paramref name="id"/> of <paramref name="connectionId"/>: true, with the
    /// page to return to, when it was waiting and had not expired; false otherwise. Each request
    /// answers one response.
    /// </summary>
    public async Task<(bool Found, string? ReturnUrl)> TakeAsync(Guid tenantId, Guid connectionId, string id, CancellationToken cancellationToken)
    {
        if (id.Length > SsoSchema.MaxMessageIdLength)
        {
            return (false, null);
        }

        await using var session = await database.WriteAsync(tenantId, cancellationToken);
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var key = parameters.Add(id);
        var rows = await session.QueryAsync(
            $"SELECT connection_id, return_url, expires FROM saml_requests WHERE tenant_id = {SqlParameters.Tenant} AND id = {key}",
            parameters, reader => (Connection: dialect.ReadKey(reader, 0), ReturnUrl: reader.IsDBNull(1) ? null : reader.GetString(1), Expires: dialect.ReadTimestamp(reader, 2)), cancellationToken);
        if (rows.Count == 0)
        {
            return (false, null);
        }

        await session.ExecuteAsync($"DELETE FROM saml_requests WHERE tenant_id = {SqlParameters.Tenant} AND id = {key}", parameters, cancellationToken);
        await session.CommitAsync(cancellationToken);
        var request = rows[0];
        return request.Connection == connectionId && request.Expires > session.Now ? (true, request.ReturnUrl) : (false, null);
    }
}
