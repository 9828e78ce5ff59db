using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Mail;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>
/// Sends the activation email of a profile that has no password yet (invited, or provisioned
/// by SCIM): a single-use link <c>{activationUrlBase}#token=...</c> valid for seven days. Only
/// the token's hash is stored; inviting again replaces the previous token, whose link then stops
/// working. Allowed while SCIM provisioning is on: the IdP cannot give a person a Roster password.
/// The email goes out before the token is stored, so that no transaction waits on a mail
/// server; if the profile changed in between, the link sent is simply unusable. Audited as
/// <c>employee.invite</c>, without the token.
/// </summary>
public sealed class InviteEmployee(DirectoryDatabase database, IMailSender mailSender, TimeProvider time)
{
    public async Task<AdminResult<Invitation>> ExecuteAsync(AdminActor actor, Guid employeeId, string activationUrlBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Uri.TryCreate(activationUrlBase, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Fragment.Length > 0)
        {
            return AdminError.Validation($"\"{activationUrlBase}\" is not an absolute http(s) URL without a fragment, so it cannot be an activation link.");
        }

        Employee employee;
        await using (var read = await database.ReadAsync(actor.TenantId, cancellationToken))
        {
            var row = await EmployeeSql.ReadAsync(read, employeeId, cancellationToken);
            if (row is null)
            {
                return EmployeeErrors.NotFound(employeeId);
            }

            if (Refusal(row) is { } refused)
            {
                return refused;
            }

            // Whoever activates the link sets the profile's password: only someone who holds everything the person holds may send it.
            if (await PersonGovernance.CheckAsync(read, actor.Permissions, row.Id, row.Document, PrivilegeRules.Yours, cancellationToken) is { } forbidden)
            {
                return AdminError.Forbidden(forbidden);
            }

            employee = EmployeeProjection.From(row, await RoleSql.ReadAllAsync(read, cancellationToken));
        }

        var token = InvitationTokens.New(actor.TenantId);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var expires = now + InvitationTokens.Lifetime;
        await mailSender.SendAsync(InvitationMail.Create(employee, InvitationTokens.Link(activationUrlBase, token), expires), cancellationToken);

        return await database.AdminWriteAsync<Invitation>(actor.TenantId, async session =>
        {
            var row = await EmployeeSql.ReadAsync(session, employeeId, cancellationToken);
            if (row is null)
            {
                return EmployeeErrors.NotFound(employeeId);
            }

            if (Refusal(row) is { } refused)
            {
                return refused;
            }

            await EmployeeSql.UpdateInvitationAsync(session, row.Id, InvitationTokens.Hash(token), expires, cancellationToken);
            var changes = new JsonObject
            {
                ["email"] = employee.Email,
                ["invitationExpires"] = new JsonObject { ["before"] = Text(row.InvitationExpires), ["after"] = Text(expires) },
            };
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.EmployeeInvite, AuditResourceTypes.Employee, row.Id, changes), now, cancellationToken);
            return new Invitation(row.Id, employee.Email, expires);
        }, cancellationToken);
    }

    private static AdminError? Refusal(EmployeeRow row) => row.EffectiveStatus switch
    {
        EmployeeStatus.Deactivated => AdminError.Conflict("This employee is deactivated; reactivate the profile before inviting it."),
        EmployeeStatus.Locked when row.PasswordHash is not null =>
            AdminError.Conflict("This employee is locked after too many failed sign-ins; unblock the profile instead of inviting it."),
        EmployeeStatus.Active when row.PasswordHash is not null => AdminError.Conflict("This employee has already activated the profile and signs in with a password."),
        _ => null,
    };

    private static string? Text(DateTimeOffset? time) => time is { } t ? ScimDateTime.ToText(t) : null;
}
