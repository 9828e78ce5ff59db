using Roster.Directory.Tenants;

namespace Roster.Directory.Operators;

/// <summary>One page of the tenants, oldest first, and how many there are in all.</summary>
public sealed record TenantPage(IReadOnlyList<Tenant> Tenants, int Page, int PageSize, int TotalResults);
