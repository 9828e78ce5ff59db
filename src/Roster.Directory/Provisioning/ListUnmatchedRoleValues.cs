using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Provisioning;

/// <summary>The <c>roles</c> values that named no role and that the tenant's policy let through, most recent first.</summary>
public sealed class ListUnmatchedRoleValues(DirectoryDatabase database)
{
    public async Task<IReadOnlyList<UnmatchedRoleValue>> ExecuteAsync(Guid tenantId, int limit, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return await session.QueryAsync(
            $"SELECT value, first_seen, last_seen, count FROM unmatched_role_values WHERE tenant_id = {SqlParameters.Tenant} " +
            $"ORDER BY last_seen DESC LIMIT {parameters.Add(limit)}",
            parameters,
            reader => new UnmatchedRoleValue(reader.GetString(0), dialect.ReadTimestamp(reader, 1), dialect.ReadTimestamp(reader, 2), reader.GetInt64(3)),
            cancellationToken);
    }
}

/// <summary>A <c>roles</c> value that named no role: when it was first and last sent, and how many times.</summary>
public sealed record UnmatchedRoleValue(string Value, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Count);
