using Roster.Directory.Database;
using Roster.Directory.Domains;
using Roster.Directory.Mail;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>
/// "Locked? Email me an unlock link": for each organization where the email's profile is
/// locked, or the asking address is locked out of it, emails a single-use link
/// <c>{unlockUrlBase}#token=...</c> valid for an hour (<see cref="UnlockTokens"/>; only its hash
/// is stored, and asking again replaces it). It returns nothing, so the caller answers the same
/// whether or not the email exists or is locked; a deactivated profile gets no link. The email
/// goes out before the token is stored, so that no transaction waits on a mail server.
/// </summary>
public sealed class SendUnlockLink(DirectoryDatabase database, FindEmployeeTenants findTenants, IMailSender mailSender)
{
    public async Task ExecuteAsync(string email, string? address, string unlockUrlBase, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(unlockUrlBase, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Fragment.Length > 0)
        {
            throw new ArgumentException($"\"{unlockUrlBase}\" is not an absolute http(s) URL without a fragment.", nameof(unlockUrlBase));
        }

        if (EmailAddress.FromTyped(email, out _) is not { } presented)
        {
            return;
        }

        var from = string.IsNullOrWhiteSpace(address) ? SignInEmployee.UnknownAddress : address;
        foreach (var tenantId in await findTenants.ExecuteAsync(presented.Value, cancellationToken))
        {
            await SendAsync(tenantId, presented, from, unlockUrlBase, cancellationToken);
        }
    }

    private async Task SendAsync(Guid tenantId, EmailAddress email, string address, string unlockUrlBase, CancellationToken cancellationToken)
    {
        Employee employee;
        DateTimeOffset now;
        await using (var read = await database.ReadAsync(tenantId, cancellationToken))
        {
            var row = await SignInEmployee.FindAsync(read, email, cancellationToken);
            if (row is null || row.Active == false || row.Status == EmployeeStatuses.Deactivated)
            {
                return;
            }

            var fromAddress = await SignInAddressSql.ReadAsync(read, row.Id, address, cancellationToken);
            if (!row.IsLocked && !(fromAddress?.LockedUntil > read.Now))
            {
                return;
            }

            employee = EmployeeProjection.From(row, await RoleSql.ReadAllAsync(read, cancellationToken));
            now = read.Now;
        }

        var token = UnlockTokens.New(tenantId);
        var expires = now + UnlockTokens.Lifetime;
        await mailSender.SendAsync(UnlockMail.Create(employee, UnlockTokens.Link(unlockUrlBase, token), expires), cancellationToken);
        await using var session = await database.WriteAsync(tenantId, cancellationToken);
        await EmployeeSql.UpdateUnlockAsync(session, employee.Id, UnlockTokens.Hash(token), expires, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }
}
