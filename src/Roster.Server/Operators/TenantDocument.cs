using Roster.Directory.Tenants;

namespace Roster.Server.Operators;

/// <summary>A tenant as the operator API shows it; <see cref="OrgId"/> is the ID in every URL of its SCIM and admin APIs.</summary>
public sealed record TenantDocument(Guid OrgId, string Name, DateTimeOffset Created)
{
    public static TenantDocument From(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new(tenant.Id, tenant.Name, tenant.Created);
    }
}
