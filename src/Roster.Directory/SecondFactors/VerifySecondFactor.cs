using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;

namespace Roster.Directory.SecondFactors;

/// <summary>
/// The second step of a sign-in whose password was right: a code from the authenticator app
/// (each time step good once, on every node: the last accepted step is in <c>second_factors</c>)
/// or an unused recovery code. A wrong one counts as a failed sign-in from that address, with the
/// same locks as a wrong password (<see cref="SignInLockout"/>), and while a lock holds no code is
/// checked. A right one completes the sign-in and forgets the failures. Using a recovery code is
/// audited as <c>second_factor.recovery_code.use</c>.
/// </summary>
public sealed class VerifySecondFactor(DirectoryDatabase database, SecondFactorSecrets secrets, TimeProvider time)
{
    public async Task<SignInResult> ExecuteAsync(Guid tenantId, Guid userId, string? code, string? address, CancellationToken cancellationToken)
    {
        var from = string.IsNullOrWhiteSpace(address) ? SignInEmployee.UnknownAddress : address;
        var now = time.GetUtcNow();
        await using var session = await database.WriteAsync(tenantId, cancellationToken);
        var row = await EmployeeSql.ReadAsync(session, userId, cancellationToken);
        var fromAddress = row is null ? null : await SignInAddressSql.ReadAsync(session, userId, from, cancellationToken);
        var factor = row is null ? null : await SecondFactorSql.ReadAsync(session, userId, cancellationToken);
        if (row is null || factor?.Confirmed is null || row.IsLocked || SignInEmployee.IsLocked(fromAddress, row.ReadAt)
            || SignInEmployee.Refusal(row) is not null || await Sso.PasswordPolicy.RefusalAsync(session, row, cancellationToken) is not null)
        {
            return SignInResult.Failure(SecondFactorFailures.Generic);
        }

        var accepted = false;
        var usedRecoveryCode = false;
        if (RecoveryCodes.LooksLikeOne(code))
        {
            usedRecoveryCode = accepted = await SecondFactorSql.UseRecoveryCodeAsync(session, userId, code!, cancellationToken);
        }
        else if (secrets.Unprotect(tenantId, userId, factor.ProtectedSecret) is { } secret
            && TotpCodes.Verify(secret, code, now, factor.LastStep) is { } step)
        {
            accepted = await SecondFactorSql.AcceptAsync(session, userId, step, cancellationToken);
        }

        if (!accepted)
        {
            await SignInEmployee.CountFailureAsync(session, row, fromAddress, from, cancellationToken);
            await session.CommitAsync(cancellationToken);
            return SignInResult.Failure(SecondFactorFailures.Generic);
        }

        if (usedRecoveryCode)
        {
            var left = await SecondFactorSql.UnusedRecoveryCodesAsync(session, userId, cancellationToken);
            var entry = new AuditEntry(userId, null, SignInEmployee.Client, SecondFactorAudit.RecoveryCodeUse, AuditResourceTypes.Employee, userId, new JsonObject { ["recoveryCodesLeft"] = left });
            await AuditTrail.AppendAsync(session, entry, session.Now, cancellationToken);
        }

        await SignInEmployee.ForgetFailuresAsync(session, row, fromAddress, from, cancellationToken);
        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        var permissions = await RoleGrantSql.PermissionsAsync(session, userId, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return SignInResult.Success(EmployeeProjection.From(row, roles), permissions.Keys.ToHashSet(StringComparer.Ordinal));
    }
}
