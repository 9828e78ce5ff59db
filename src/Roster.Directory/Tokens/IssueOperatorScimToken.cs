using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Tokens;

/// <summary>
/// Issues an operator's SCIM token (CLI, first start) without an owner; an expiry of null means it
/// never expires. Audited as <c>scim_token.create</c> by the operator.
/// </summary>
public sealed class IssueOperatorScimToken(DirectoryDatabase database, TimeProvider time)
{
    public async Task<IssuedScimToken> ExecuteAsync(Guid tenantId, string name, DateTimeOffset? expires, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var result = await database.AdminWriteAsync<IssuedScimToken>(tenantId, async session =>
        {
            if (await session.ScalarAsync($"SELECT 1 FROM tenants WHERE id = {Filtering.SqlParameters.Tenant}", session.Parameters(), cancellationToken) is null)
            {
                throw new InvalidOperationException($"There is no tenant {tenantId}.");
            }

            return await ScimTokenIssuance.InsertAsync(
                session, AdminActor.Operator(tenantId), name.Trim(), expires is { } at ? ScimDateTime.Truncate(at) : null, null, null, now, cancellationToken);
        }, cancellationToken);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Detail);
    }
}
