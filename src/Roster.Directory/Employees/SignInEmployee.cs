using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>
/// Signs an employee in with email and password. <see cref="MaxFailedSignIns"/> consecutive
/// failures lock the profile until an administrator unblocks it (<see cref="UnlockEmployee"/>);
/// the failure count is committed although the sign-in fails, and a success resets it. Locked,
/// deactivated and not yet activated profiles are told so; an unknown email and a wrong
/// password get the same <see cref="SignInFailures.Generic"/> reason.
/// </summary>
public sealed class SignInEmployee(DirectoryDatabase database, TimeProvider time)
{
    public const int MaxFailedSignIns = 5;

    /// <summary>The audit log's client for changes the sign-in itself makes (a lock).</summary>
    public const string Client = "sign-in";

    public async Task<SignInResult> ExecuteAsync(Guid tenantId, string email, string password, CancellationToken cancellationToken)
    {
        var presented = email?.Trim() ?? "";
        password ??= "";
        EmployeeRow? found;
        await using (var read = await database.ReadAsync(tenantId, cancellationToken))
        {
            found = presented.Length == 0 ? null : await FindAsync(read, presented, cancellationToken);
        }

        if (found is null)
        {
            EmployeePasswords.Verify(null, password);
            return SignInResult.Failure(SignInFailures.Generic);
        }

        if (Refusal(found) is { } refused)
        {
            return SignInResult.Failure(refused);
        }

        // PBKDF2 runs outside the write session, so that sign-ins never hold the database's write lock while hashing.
        var verified = EmployeePasswords.Verify(found.PasswordHash, password);
        await using var session = await database.WriteAsync(tenantId, cancellationToken);

        // Read again inside the write session: concurrent failures then count one after the other.
        var row = await EmployeeSql.ReadAsync(session, found.Id, cancellationToken);
        if (row is null || row.PasswordHash != found.PasswordHash)
        {
            return SignInResult.Failure(SignInFailures.Generic);
        }

        if (Refusal(row) is { } refusedNow)
        {
            return SignInResult.Failure(refusedNow);
        }

        if (verified == PasswordVerificationResult.Failed)
        {
            var failures = await CountFailureAsync(session, row, cancellationToken);
            await session.CommitAsync(cancellationToken);
            return SignInResult.Failure(failures >= MaxFailedSignIns ? SignInFailures.Locked : SignInFailures.Generic);
        }

        if (row.FailedSignIns != 0)
        {
            await EmployeeSql.UpdateSignInStateAsync(session, row.Id, row.Status, 0, null, cancellationToken);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await EmployeeSql.UpdatePasswordHashAsync(session, row.Id, EmployeePasswords.Hash(password), cancellationToken);
        }

        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        var permissions = await RoleGrants.RoleGrantSql.PermissionsAsync(session, row.Id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        var employee = EmployeeProjection.From(row, roles);
        return SignInResult.Success(employee, permissions.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Why this profile may not be signed in now, or null; also asked on every request of a console session.</summary>
    internal static string? Refusal(EmployeeRow row) => row.EffectiveStatus switch
    {
        EmployeeStatus.Locked => SignInFailures.Locked,
        EmployeeStatus.Deactivated => SignInFailures.Deactivated,
        EmployeeStatus.Invited => SignInFailures.NotActivated,

        // A SCIM-provisioned profile is active but has no password until it is invited and activated.
        _ when row.PasswordHash is null => SignInFailures.NotActivated,
        _ => null,
    };

    private static async Task<EmployeeRow?> FindAsync(SqlSession session, string email, CancellationToken cancellationToken)
    {
        var key = CaseFolding.Fold(email);
        var rows = await EmployeeSql.FindByEmailAsync(session, email, cancellationToken);
        return rows.FirstOrDefault(r => string.Equals(CaseFolding.Fold(EmployeeProjection.EmailOf(r.Document) ?? Text(r.Document["userName"]) ?? ""), key, StringComparison.Ordinal));
    }

    private async Task<int> CountFailureAsync(SqlSession session, EmployeeRow row, CancellationToken cancellationToken)
    {
        var failures = row.FailedSignIns + 1;
        if (failures < MaxFailedSignIns)
        {
            await EmployeeSql.UpdateSignInStateAsync(session, row.Id, row.Status, failures, null, cancellationToken);
            return failures;
        }

        var now = ScimDateTime.Truncate(time.GetUtcNow());
        await EmployeeSql.UpdateSignInStateAsync(session, row.Id, EmployeeStatuses.Locked, failures, now, cancellationToken);
        var changes = new JsonObject
        {
            ["status"] = new JsonObject { ["before"] = row.Status, ["after"] = EmployeeStatuses.Locked },
            ["failedSignIns"] = failures,
        };
        await AuditTrail.AppendAsync(session, new AuditEntry(null, null, Client, AuditActions.EmployeeLock, AuditResourceTypes.Employee, row.Id, changes), now, cancellationToken);
        return failures;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
