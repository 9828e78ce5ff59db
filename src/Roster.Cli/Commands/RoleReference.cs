using Roster.Directory.Administration;
using Roster.Directory.Roles;

namespace Roster.Cli.Commands;

/// <summary>Finds a role from what an operator types: its id, or its exact (case-sensitive) name.</summary>
public static class RoleReference
{
    public static async Task<AdminResult<Role>> ResolveAsync(IServiceProvider services, Guid tenantId, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var roles = await services.GetRequiredService<ListRoles>().ExecuteAsync(tenantId, cancellationToken);
        var match = Guid.TryParse(reference, out var id)
            ? roles.FirstOrDefault(r => r.Id == id)
            : roles.FirstOrDefault(r => string.Equals(r.Name, reference, StringComparison.Ordinal));
        return match is not null
            ? match
            : AdminError.NotFound($"There is no role '{reference}' in this tenant (names are case-sensitive); see 'roster roles list'.");
    }
}
