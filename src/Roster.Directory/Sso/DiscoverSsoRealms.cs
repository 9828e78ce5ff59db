using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Domains;

namespace Roster.Directory.Sso;

/// <summary>
/// Home-realm discovery: the enabled SSO connections of the organizations that verified the domain
/// of an email, for the sign-in page's first step. It reads the domain only, never whether a
/// profile has the email, so every address of a domain gets the same answer. Like
/// <see cref="Employees.FindEmployeeTenants"/>, it is a deliberate look across tenants, and it
/// returns connections only.
/// </summary>
public sealed class DiscoverSsoRealms(DirectoryDatabase database)
{
    /// <summary>The most organizations one domain sends a person to.</summary>
    public const int MaxTenants = 5;

    public async Task<IReadOnlyList<SsoRealm>> ExecuteAsync(string email, CancellationToken cancellationToken)
    {
        if (EmailAddress.FromTyped(email, out _) is not { } address)
        {
            return [];
        }

        List<Guid> tenants;
        await using (var context = database.CreateContext(Guid.Empty))
        {
            tenants = await context.VerifiedDomains.IgnoreQueryFilters()
                .Where(d => d.Domain == address.Domain && d.VerifiedAt != null)
                .OrderBy(d => d.Created)
                .Select(d => d.TenantId)
                .Take(MaxTenants)
                .ToListAsync(cancellationToken);
        }

        var realms = new List<SsoRealm>();
        foreach (var tenant in tenants)
        {
            await using var session = await database.ReadAsync(tenant, cancellationToken);
            realms.AddRange((await SsoConnectionSql.ReadAllAsync(session, cancellationToken)).Where(c => c.Enabled).Select(c => new SsoRealm(tenant, c.Id, c.Name)));
        }

        return realms;
    }
}
