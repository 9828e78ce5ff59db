using System.Globalization;
using System.Security.Cryptography;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.SecondFactors;

/// <summary>The statements on <c>second_factors</c> and <c>recovery_codes</c>.</summary>
internal static class SecondFactorSql
{
    public static async Task<SecondFactorRecord?> ReadAsync(SqlSession session, Guid userId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT protected_secret, created, confirmed, last_step FROM second_factors WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {parameters.Add(dialect.Key(userId))}",
            parameters,
            reader => new SecondFactorRecord
            {
                TenantId = session.TenantId,
                UserId = userId,
                ProtectedSecret = reader.GetString(0),
                Created = dialect.ReadTimestamp(reader, 1),
                Confirmed = reader.IsDBNull(2) ? null : dialect.ReadTimestamp(reader, 2),
                LastStep = reader.IsDBNull(3) ? null : reader.GetInt64(3),
            },
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Replaces the person's factor (and recovery codes) with a new, unconfirmed one.</summary>
    public static async Task ReplaceAsync(SqlSession session, Guid userId, string protectedSecret, CancellationToken cancellationToken)
    {
        await DeleteAsync(session, userId, cancellationToken);
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        await session.ExecuteAsync(
            "INSERT INTO second_factors (tenant_id, user_id, protected_secret, created, confirmed, last_step) " +
            $"VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(userId))}, {parameters.Add(protectedSecret)}, {parameters.Add(dialect.Timestamp(session.Now))}, NULL, NULL)",
            parameters, cancellationToken);
    }

    /// <summary>
    /// Records an accepted code's time step and, the first time, the confirmation; false when a
    /// step as late was accepted meanwhile (the same code on another node), which then refuses it.
    /// </summary>
    public static async Task<bool> AcceptAsync(SqlSession session, Guid userId, long step, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var accepted = parameters.Add(step);
        return await session.ExecuteAsync(
            $"UPDATE second_factors SET last_step = {accepted}, confirmed = COALESCE(confirmed, {parameters.Add(dialect.Timestamp(session.Now))}) " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {parameters.Add(dialect.Key(userId))} AND (last_step IS NULL OR last_step < {accepted})",
            parameters, cancellationToken) == 1;
    }

    public static async Task<bool> DeleteAsync(SqlSession session, Guid userId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var user = parameters.Add(session.Dialect.Key(userId));
        await session.ExecuteAsync($"DELETE FROM recovery_codes WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {user}", parameters, cancellationToken);
        return await session.ExecuteAsync($"DELETE FROM second_factors WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {user}", parameters, cancellationToken) > 0;
    }

    public static async Task InsertRecoveryCodesAsync(SqlSession session, Guid userId, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        foreach (var code in codes)
        {
            var parameters = session.Parameters();
            await session.ExecuteAsync(
                $"INSERT INTO recovery_codes (tenant_id, user_id, id, hash, used) VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(userId))}, " +
                $"{parameters.Add(dialect.Key(Guid.NewGuid()))}, {parameters.Add(RecoveryCodes.Hash(code))}, NULL)",
                parameters, cancellationToken);
        }
    }

    /// <summary>Uses up the person's unused recovery code equal to <paramref name="code"/>; false when none is.</summary>
    public static async Task<bool> UseRecoveryCodeAsync(SqlSession session, Guid userId, string code, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var unused = await session.QueryAsync(
            $"SELECT id, hash FROM recovery_codes WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {parameters.Add(dialect.Key(userId))} AND used IS NULL",
            parameters, reader => (Id: dialect.ReadKey(reader, 0), Hash: (byte[])reader.GetValue(1)), cancellationToken);
        var presented = RecoveryCodes.Hash(code);
        Guid? match = null;
        foreach (var (id, hash) in unused)
        {
            // Every stored code is compared, whichever matches, so the time says nothing of which.
            if (CryptographicOperations.FixedTimeEquals(hash, presented))
            {
                match = id;
            }
        }

        if (match is not { } found)
        {
            return false;
        }

        var update = session.Parameters();
        return await session.ExecuteAsync(
            $"UPDATE recovery_codes SET used = {update.Add(dialect.Timestamp(session.Now))} WHERE tenant_id = {SqlParameters.Tenant} AND id = {update.Add(dialect.Key(found))} AND used IS NULL",
            update, cancellationToken) == 1;
    }

    public static async Task<int> UnusedRecoveryCodesAsync(SqlSession session, Guid userId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var count = await session.ScalarAsync(
            $"SELECT COUNT(*) FROM recovery_codes WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {parameters.Add(session.Dialect.Key(userId))} AND used IS NULL",
            parameters, cancellationToken);
        return Convert.ToInt32(count, CultureInfo.InvariantCulture);
    }

    /// <summary>What sign-in needs after the right password of <paramref name="userId"/>, who holds <paramref name="permissions"/>.</summary>
    public static async Task<SecondFactorStep> StepAsync(SqlSession session, Guid userId, Roles.PermissionSet permissions, CancellationToken cancellationToken)
    {
        if (await ReadAsync(session, userId, cancellationToken) is { Confirmed: not null })
        {
            return SecondFactorStep.Code;
        }

        return SecondFactorPolicy.IsAdministrator(permissions) && (await Sso.SsoSettingsSql.ReadAsync(session, cancellationToken)).AdministratorsNeedSecondFactor
            ? SecondFactorStep.Enrol
            : SecondFactorStep.None;
    }
}
