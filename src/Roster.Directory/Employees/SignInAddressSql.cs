using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Employees;

/// <summary>The statements on <c>sign_in_addresses</c>: one profile's failures from one address (<see cref="SignInLockout"/>).</summary>
internal static class SignInAddressSql
{
    /// <summary>How long an address's failures are remembered after its last one, when no lock holds.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    public static async Task<SignInAddressRecord?> ReadAsync(SqlSession session, Guid userId, string address, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            "SELECT a.failures, a.locks, a.locked_until, a.last_failure FROM sign_in_addresses AS a " +
            $"WHERE a.tenant_id = {SqlParameters.Tenant} AND a.user_id = {parameters.Add(dialect.Key(userId))} AND a.address = {parameters.Add(address)}",
            parameters,
            reader => new SignInAddressRecord
            {
                TenantId = session.TenantId,
                UserId = userId,
                Address = address,
                Failures = reader.GetInt32(0),
                Locks = reader.GetInt32(1),
                LockedUntil = reader.IsDBNull(2) ? null : dialect.ReadTimestamp(reader, 2),
                LastFailure = dialect.ReadTimestamp(reader, 3),
            },
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Writes <paramref name="row"/>, new or not, and forgets the profile's addresses quiet for longer than <see cref="Memory"/>.</summary>
    public static Task WriteAsync(SqlSession session, SignInAddressRecord row, bool exists, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var user = parameters.Add(dialect.Key(row.UserId));
        var address = parameters.Add(row.Address);
        var failures = parameters.Add(row.Failures);
        var locks = parameters.Add(row.Locks);
        var until = parameters.Add(row.LockedUntil is { } at ? dialect.Timestamp(at) : null);
        var last = parameters.Add(dialect.Timestamp(row.LastFailure));
        var write = exists
            ? $"UPDATE sign_in_addresses SET failures = {failures}, locks = {locks}, locked_until = {until}, last_failure = {last} " +
              $"WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {user} AND address = {address};"
            : "INSERT INTO sign_in_addresses (tenant_id, user_id, address, failures, locks, locked_until, last_failure) " +
              $"VALUES ({SqlParameters.Tenant}, {user}, {address}, {failures}, {locks}, {until}, {last});";
        var now = parameters.Add(dialect.Timestamp(session.Now));
        var forgotten = parameters.Add(dialect.Timestamp(session.Now - Memory));
        return session.ExecuteAsync(
            write +
            $"DELETE FROM sign_in_addresses WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {user} AND last_failure < {forgotten} " +
            $"AND (locked_until IS NULL OR locked_until <= {now});",
            parameters, cancellationToken);
    }

    /// <summary>Forgets one address's failures (a success from it, or an unlock link opened from it).</summary>
    public static Task DeleteAsync(SqlSession session, Guid userId, string address, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"DELETE FROM sign_in_addresses WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {parameters.Add(session.Dialect.Key(userId))} AND address = {parameters.Add(address)}",
            parameters, cancellationToken);
    }

    /// <summary>Forgets every address's failures (an administrator's unlock); returns how many addresses were locked out.</summary>
    public static async Task<int> DeleteAllAsync(SqlSession session, Guid userId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var user = parameters.Add(session.Dialect.Key(userId));
        var now = parameters.Add(session.Dialect.Timestamp(session.Now));
        var locked = await session.ScalarAsync(
            $"SELECT COUNT(*) FROM sign_in_addresses WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {user} AND locked_until > {now}",
            parameters, cancellationToken);
        await session.ExecuteAsync($"DELETE FROM sign_in_addresses WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {user}", parameters, cancellationToken);
        return Convert.ToInt32(locked, System.Globalization.CultureInfo.InvariantCulture);
    }
}
