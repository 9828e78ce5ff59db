namespace Roster.Directory.Tenants;

/// <summary>A tenant: an organization whose org ID (a GUID) never changes.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset Created { get; set; }
}
