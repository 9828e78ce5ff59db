using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Employees;

/// <summary>
/// The tenants that have a profile with this email (as userName or as one of its emails,
/// ignoring case), for a sign-in form that asks only for email and password: one tenant means
/// the person can be signed in there, several mean the form must ask which organization. It is
/// the one query that looks across tenants, and it returns org IDs only, never a profile.
/// </summary>
public sealed class FindEmployeeTenants(DirectoryDatabase database)
{
    public async Task<IReadOnlyList<Guid>> ExecuteAsync(string email, CancellationToken cancellationToken)
    {
        var presented = email?.Trim() ?? "";
        if (presented.Length == 0)
        {
            return [];
        }

        var key = CaseFolding.Fold(presented);
        await using var context = database.CreateContext(Guid.Empty);
        var byUserName = context.Users.IgnoreQueryFilters().Where(u => u.UserNameKey == key).Select(u => u.TenantId);
        var byEmail = context.UserEmails.IgnoreQueryFilters().Where(e => e.ValueKey == key).Select(e => e.TenantId);
        return await byUserName.Union(byEmail).Distinct().ToListAsync(cancellationToken);
    }
}
