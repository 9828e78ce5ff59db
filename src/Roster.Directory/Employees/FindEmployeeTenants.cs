using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Domains;
using Roster.Directory.Filtering;

namespace Roster.Directory.Employees;

/// <summary>
/// The tenants that have a profile with this email (as userName or as one of its emails,
/// ignoring case), the tenant of the oldest such profile first, for a sign-in form that asks
/// only for email and password: the password is checked in the first, and only the right
/// password leads to the question which organization, when there are several. It is the one
/// query that looks across tenants, and it returns org IDs only, never a profile.
/// </summary>
public sealed class FindEmployeeTenants(DirectoryDatabase database)
{
    public async Task<IReadOnlyList<Guid>> ExecuteAsync(string email, CancellationToken cancellationToken)
    {
        if (EmailAddress.FromTyped(email, out _) is not { } address)
        {
            return [];
        }

        var userNameKey = CaseFolding.UserNameKey(address.Value);
        var emailKey = CaseFolding.Fold(address.Value);
        await using var context = database.CreateContext(Guid.Empty);
        var users = context.Users.IgnoreQueryFilters();
        var byEmail = context.UserEmails.IgnoreQueryFilters().Where(e => e.ValueKey == emailKey);
        var found = await users
            .Where(u => u.UserNameKey == userNameKey || byEmail.Any(e => e.TenantId == u.TenantId && e.UserId == u.Id))
            .Select(u => new { u.TenantId, u.Created, u.Id })
            .ToListAsync(cancellationToken);
        return [.. found.OrderBy(u => u.Created).ThenBy(u => u.Id).Select(u => u.TenantId).Distinct()];
    }
}
