using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.RoleRules;

namespace Roster.Directory.Provisioning;

/// <summary>
/// Counts the <c>roles</c> values that named no role and that the tenant's policy let through
/// (<see cref="UnmatchedRoleValueRecord"/>), in the write's transaction, for the provisioning
/// activity page. At most <see cref="RoleRuleLimits.MaxUnmatchedValues"/> distinct values are
/// kept per tenant, so an IdP sending random values cannot grow the table without bound.
/// </summary>
internal static class UnmatchedRoleValues
{
    public static async Task RecordAsync(SqlSession session, IReadOnlyList<string> values, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            var parameters = session.Parameters();
            var dialect = session.Dialect;
            var text = parameters.Add(value.Length > RoleRuleLimits.MaxValueLength ? value[..RoleRuleLimits.MaxValueLength] : value);
            var at = parameters.Add(dialect.Timestamp(now));
            var user = parameters.Add(dialect.Key(userId));
            await session.ExecuteAsync(
                "INSERT INTO unmatched_role_values (tenant_id, value, first_seen, last_seen, count, last_user_id) " +
                $"SELECT {SqlParameters.Tenant}, {text}, {at}, {at}, 1, {user} " +
                $"WHERE (SELECT COUNT(*) FROM unmatched_role_values WHERE tenant_id = {SqlParameters.Tenant}) < {RoleRuleLimits.MaxUnmatchedValues} " +
                $"OR EXISTS (SELECT 1 FROM unmatched_role_values WHERE tenant_id = {SqlParameters.Tenant} AND value = {text}) " +
                $"ON CONFLICT (tenant_id, value) DO UPDATE SET last_seen = {at}, count = unmatched_role_values.count + 1, last_user_id = {user}",
                parameters, cancellationToken);
        }
    }
}
