using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>
/// The person's side of an invitation: a valid, unexpired, unused token and a password of at
/// least <see cref="MinPasswordLength"/> characters set the password hash and make the profile
/// active; the token is cleared, so the link works once, and any lock and console session of
/// the profile end. Audited as <c>employee.activate</c>, credited to the profile itself,
/// without password or token.
/// </summary>
public sealed class ActivateEmployee(DirectoryDatabase database, TimeProvider time, IPasswordHasher<Employee> hasher)
{
    public const int MinPasswordLength = EmployeePasswords.MinLength;

    /// <summary>Longer passwords are refused, so that hashing a request body cannot be made arbitrarily expensive.</summary>
    public const int MaxPasswordLength = 1024;

    /// <summary>The audit log's client for activations.</summary>
    public const string Client = "activation";

    private const string InvalidLink = "This activation link is not valid or was already used; ask an administrator to send a new invitation.";

    public async Task<AdminResult<Employee>> ExecuteAsync(string token, string password, CancellationToken cancellationToken)
    {
        if (password is null || password.Length < MinPasswordLength)
        {
            return AdminError.Validation($"Choose a password of at least {MinPasswordLength} characters.") with { Field = "password" };
        }

        if (password.Length > MaxPasswordLength)
        {
            return AdminError.Validation($"A password has at most {MaxPasswordLength} characters.") with { Field = "password" };
        }

        if (InvitationTokens.TenantOf(token) is not { } tenant)
        {
            return AdminError.Validation(InvalidLink);
        }

        var tokenHash = InvitationTokens.Hash(token);
        await using (var read = await database.ReadAsync(tenant, cancellationToken))
        {
            var invited = await EmployeeSql.FindByInvitationAsync(read, tokenHash, cancellationToken);
            if ((invited is null ? AdminError.Validation(InvalidLink) : Refusal(invited)) is { } refused)
            {
                return refused;
            }
        }

        // Hashed between the check and the write, so that a made-up token costs no PBKDF2 and no transaction waits on it.
        var passwordHash = hasher.HashPassword(null!, password);
        return await database.AdminWriteAsync<Employee>(tenant, async session =>
        {
            // Checked again in the transaction: the link may have been used or replaced meanwhile.
            var row = await EmployeeSql.FindByInvitationAsync(session, tokenHash, cancellationToken);
            if (row is null)
            {
                return AdminError.Validation(InvalidLink);
            }

            if (Refusal(row) is { } refused)
            {
                return refused;
            }

            var now = ScimDateTime.Truncate(time.GetUtcNow());
            await EmployeeSql.UpdatePasswordHashAsync(session, row.Id, passwordHash, cancellationToken);
            await EmployeeSql.UpdateSignInStateAsync(session, row.Id, EmployeeStatuses.Active, cancellationToken);
            await EmployeeSql.UpdateInvitationAsync(session, row.Id, null, null, cancellationToken);

            // A new password ends every session that the old one (if any) opened.
            await Sessions.ConsoleSessionSql.DeleteAllAsync(session, row.Id, cancellationToken);
            var changes = new JsonObject { ["status"] = new JsonObject { ["before"] = row.Status, ["after"] = EmployeeStatuses.Active } };
            var entry = new AuditEntry(row.Id, null, Client, AuditActions.EmployeeActivate, AuditResourceTypes.Employee, row.Id, changes);
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            var activated = row with
            {
                Status = EmployeeStatuses.Active,
                PasswordHash = passwordHash,
                FailedSignIns = 0,
                SignInLocks = 0,
                LockedAt = null,
                LockedUntil = null,
                InvitationHash = null,
                InvitationExpires = null,
            };
            return EmployeeProjection.From(activated, await RoleSql.ReadAllAsync(session, cancellationToken));
        }, cancellationToken);
    }

    private AdminError? Refusal(EmployeeRow row)
    {
        if (row.InvitationExpires is not { } expires || ScimDateTime.Truncate(time.GetUtcNow()) >= expires)
        {
            return AdminError.Validation("This activation link has expired; ask an administrator to send a new invitation.");
        }

        // A lock from failed sign-ins does not stop activation: the link proves the mailbox, and a
        // guesser must not be able to keep an invited person from choosing a password.
        return row.EffectiveStatus is EmployeeStatus.Deactivated
            ? AdminError.Conflict("This account is deactivated; ask an administrator.")
            : null;
    }
}
