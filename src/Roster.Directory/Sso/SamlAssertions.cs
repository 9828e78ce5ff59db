using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Sso;

/// <summary>
/// One use per assertion: the ID of every assertion that signed someone in is kept until it would
/// have expired anyway, in the database, so that every node refuses it a second time. Rows are
/// written only for assertions whose signature was good, and each write purges the tenant's
/// expired ones.
/// </summary>
public sealed class SamlAssertions(DirectoryDatabase database)
{
    /// <summary>Records <paramref name="assertionId"/> until <paramref name="expires"/>; false when it was used already.</summary>
    public async Task<bool> UseAsync(Guid tenantId, string assertionId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        if (assertionId.Length > SsoSchema.MaxMessageIdLength)
        {
            return false;
        }

        await using var session = await database.WriteAsync(tenantId, cancellationToken);
        var dialect = session.Dialect;
        var purge = session.Parameters();
        await session.ExecuteAsync(
            $"DELETE FROM saml_assertions WHERE tenant_id = {SqlParameters.Tenant} AND expires <= {purge.Add(dialect.Timestamp(session.Now))}",
            purge, cancellationToken);
        var find = session.Parameters();
        if (await session.ScalarAsync($"SELECT 1 FROM saml_assertions WHERE tenant_id = {SqlParameters.Tenant} AND id = {find.Add(assertionId)}", find, cancellationToken) is not null)
        {
            return false;
        }

        // Two nodes that take the same assertion at once both find nothing: the primary key lets one insert.
        try
        {
            var insert = session.Parameters();
            await session.ExecuteAsync(
                $"INSERT INTO saml_assertions (tenant_id, id, expires) VALUES ({SqlParameters.Tenant}, {insert.Add(assertionId)}, {insert.Add(dialect.Timestamp(expires > session.Now ? expires : session.Now))})",
                insert, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException e) when (dialect.IsUniqueViolation(e))
        {
            return false;
        }

        return true;
    }
}
