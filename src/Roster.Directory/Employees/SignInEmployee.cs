using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Domains;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Directory.Roles;
using Roster.Directory.SecondFactors;
using Roster.Directory.Sessions;

namespace Roster.Directory.Employees;

/// <summary>
/// Signs an employee in with email and password, from an address. Every attempt verifies
/// exactly one password hash through <see cref="IPasswordHasher{TUser}"/> (a decoy one when
/// there is no profile, no password yet, or a lock), so that no kind of failure is cheaper
/// than another; every failure that does not follow the right password answers
/// <see cref="SignInFailures.Generic"/>. Failures lock the address, then the profile, for a
/// while, as <see cref="SignInLockout"/> describes; the counts are committed although the
/// sign-in fails, and a success forgets them.
/// </summary>
public sealed class SignInEmployee(DirectoryDatabase database, IPasswordHasher<Employee> hasher)
{
    /// <summary>The audit log's client for changes the sign-in itself makes (a lock).</summary>
    public const string Client = "sign-in";

    /// <summary>The address recorded for a caller that does not give one (a process of its own, not a request).</summary>
    public const string UnknownAddress = "unknown";

    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));

    public Task<SignInResult> ExecuteAsync(Guid tenantId, string email, string password, CancellationToken cancellationToken) =>
        ExecuteAsync(tenantId, email, password, null, cancellationToken);

    /// <param name="tenantId">The organization signed in to.</param>
    /// <param name="email">As typed.</param>
    /// <param name="password">As typed.</param>
    /// <param name="address">The client's IP address, which failures lock out first.</param>
    /// <param name="cancellationToken">Cancels the sign-in.</param>
    public async Task<SignInResult> ExecuteAsync(Guid tenantId, string email, string password, string? address, CancellationToken cancellationToken)
    {
        password ??= "";
        var from = string.IsNullOrWhiteSpace(address) ? UnknownAddress : address;
        EmployeeRow? found = null;
        SignInAddressRecord? fromAddress = null;
        if (EmailAddress.FromTyped(email, out _) is { } presented)
        {
            await using var read = await database.ReadAsync(tenantId, cancellationToken);
            found = await FindAsync(read, presented, cancellationToken);
            fromAddress = found is null ? null : await SignInAddressSql.ReadAsync(read, found.Id, from, cancellationToken);
        }

        if (found is null || found.IsLocked || IsLocked(fromAddress, found.ReadAt))
        {
            Verify(null, password);
            return SignInResult.Failure(SignInFailures.Generic);
        }

        // PBKDF2 runs outside the write session, so that sign-ins never hold the database's write lock while hashing.
        var verified = Verify(found.PasswordHash, password);
        if (found.PasswordHash is null)
        {
            verified = PasswordVerificationResult.Failed;
        }

        await using var session = await database.WriteAsync(tenantId, cancellationToken);

        // Read again inside the write session: concurrent failures then count one after the other.
        var row = await EmployeeSql.ReadAsync(session, found.Id, cancellationToken);
        var current = await SignInAddressSql.ReadAsync(session, found.Id, from, cancellationToken);
        if (row is null || row.PasswordHash != found.PasswordHash || row.IsLocked || IsLocked(current, row.ReadAt))
        {
            return SignInResult.Failure(SignInFailures.Generic);
        }

        if (verified == PasswordVerificationResult.Failed)
        {
            await CountFailureAsync(session, row, current, from, cancellationToken);
            await session.CommitAsync(cancellationToken);
            return SignInResult.Failure(SignInFailures.Generic);
        }

        // The right password: only now may the answer say why the profile cannot sign in.
        if (Refusal(row) is { } refused)
        {
            return SignInResult.Refused(refused);
        }

        if (await Sso.PasswordPolicy.RefusalAsync(session, row, cancellationToken) is { } ssoOnly)
        {
            return SignInResult.Refused(ssoOnly) with { NeedsSingleSignOn = true };
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await EmployeeSql.UpdatePasswordHashAsync(session, row.Id, hasher.HashPassword(null!, password), cancellationToken);
        }

        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        var permissions = await RoleGrants.RoleGrantSql.PermissionsAsync(session, row.Id, cancellationToken);
        var employee = EmployeeProjection.From(row, roles);

        // The failures are forgotten only once the second step succeeds too: otherwise the right
        // password would reset the count before every guess of a code.
        var step = await SecondFactorSql.StepAsync(session, row.Id, permissions, cancellationToken);
        if (step != SecondFactorStep.None)
        {
            await session.CommitAsync(cancellationToken);
            return SignInResult.SecondStep(employee, step);
        }

        await ForgetFailuresAsync(session, row, current, from, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return SignInResult.Success(employee, permissions.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>After a complete sign-in: the profile's and the address's failures are forgotten.</summary>
    internal static async Task ForgetFailuresAsync(SqlSession session, EmployeeRow row, SignInAddressRecord? fromAddress, string address, CancellationToken cancellationToken)
    {
        if (row.FailedSignIns != 0 || row.SignInLocks != 0)
        {
            await EmployeeSql.UpdateLockAsync(session, row.Id, 0, 0, row.LockedAt, row.LockedUntil, cancellationToken);
        }

        if (fromAddress is not null)
        {
            await SignInAddressSql.DeleteAsync(session, row.Id, address, cancellationToken);
        }
    }

    /// <summary>Why this profile may not be signed in with a password now, or null.</summary>
    internal static string? Refusal(EmployeeRow row) => StatusRefusal(row) ?? (row.PasswordHash is null
        // A SCIM-provisioned profile is active but has no password until it is invited and activated.
        ? SignInFailures.NotActivated
        : null);

    /// <summary>
    /// Why this profile's console session may not go on, or null: asked on every request. A
    /// profile without a password may hold a session, started through single sign-on.
    /// </summary>
    internal static string? StatusRefusal(EmployeeRow row) => row.EffectiveStatus switch
    {
        EmployeeStatus.Locked => SignInFailures.Generic,
        EmployeeStatus.Deactivated => SignInFailures.Deactivated,
        EmployeeStatus.Invited => SignInFailures.NotActivated,
        _ => null,
    };

    internal static bool IsLocked(SignInAddressRecord? address, DateTimeOffset now) => address?.LockedUntil is { } until && until > now;

    private PasswordVerificationResult Verify(string? hash, string password) =>
        hasher.VerifyHashedPassword(null!, hash ?? _decoyHash.Value, password);

    /// <summary>The oldest profile of the session's tenant whose email (<see cref="Employee.Email"/>) is <paramref name="email"/>, ignoring case.</summary>
    internal static async Task<EmployeeRow?> FindAsync(SqlSession session, EmailAddress email, CancellationToken cancellationToken)
    {
        var key = CaseFolding.Fold(email.Value);
        var rows = await EmployeeSql.FindByEmailAsync(session, email.Value, cancellationToken);
        return rows.FirstOrDefault(r => string.Equals(CaseFolding.Fold(EmployeeProjection.EmailOf(r.Document) ?? Text(r.Document["userName"]) ?? ""), key, StringComparison.Ordinal));
    }

    internal static async Task CountFailureAsync(SqlSession session, EmployeeRow row, SignInAddressRecord? fromAddress, string address, CancellationToken cancellationToken)
    {
        var now = session.Now;
        var exists = fromAddress is not null;
        var pair = fromAddress ?? new SignInAddressRecord { TenantId = session.TenantId, UserId = row.Id, Address = address };

        // An address already locked out of this profile once adds nothing more to the profile's
        // count: one address alone can never lock the person out of their own address.
        var countsForProfile = pair.Locks == 0;
        pair.Failures++;
        pair.LastFailure = now;
        if (pair.Failures >= SignInLockout.AddressFailures)
        {
            pair.LockedUntil = now + SignInLockout.Duration(pair.Locks);
            pair.Locks++;
            pair.Failures = 0;
            await AuditAsync(session, AuditActions.EmployeeLock, row.Id, now, new JsonObject
            {
                ["scope"] = "address",
                ["address"] = address,
                ["lockedUntil"] = ScimDateTime.ToText(pair.LockedUntil.Value),
            }, cancellationToken);
        }

        await SignInAddressSql.WriteAsync(session, pair, exists, cancellationToken);
        if (!countsForProfile)
        {
            return;
        }

        var failures = row.FailedSignIns + 1;
        if (failures < SignInLockout.AccountFailures)
        {
            await EmployeeSql.UpdateLockAsync(session, row.Id, failures, row.SignInLocks, row.LockedAt, row.LockedUntil, cancellationToken);
            return;
        }

        if (await LastAdministrator.IsAsync(session, row, cancellationToken))
        {
            await EmployeeSql.UpdateLockAsync(session, row.Id, 0, row.SignInLocks, row.LockedAt, row.LockedUntil, cancellationToken);
            await AuditAsync(session, AuditActions.EmployeeThrottle, row.Id, now, new JsonObject
            {
                ["failedSignIns"] = failures,
                ["reason"] = "the last active holder of every permission is throttled per address, never locked",
            }, cancellationToken);
            return;
        }

        var until = now + SignInLockout.Duration(row.SignInLocks);
        await EmployeeSql.UpdateLockAsync(session, row.Id, 0, row.SignInLocks + 1, now, until, cancellationToken);
        await ConsoleSessionSql.DeleteAllAsync(session, row.Id, cancellationToken);
        await AuditAsync(session, AuditActions.EmployeeLock, row.Id, now, new JsonObject
        {
            ["scope"] = "account",
            ["status"] = new JsonObject { ["before"] = EmployeeStatuses.ToColumn(row.EffectiveStatus), ["after"] = EmployeeStatuses.Locked },
            ["failedSignIns"] = failures,
            ["lockedUntil"] = ScimDateTime.ToText(until),
        }, cancellationToken);
    }

    private static Task AuditAsync(SqlSession session, string action, Guid employeeId, DateTimeOffset now, JsonObject changes, CancellationToken cancellationToken) =>
        AuditTrail.AppendAsync(session, new AuditEntry(null, null, Client, action, AuditResourceTypes.Employee, employeeId, changes), now, cancellationToken);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
