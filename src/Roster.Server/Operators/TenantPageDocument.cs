namespace Roster.Server.Operators;

/// <summary>One page of tenants, oldest first.</summary>
public sealed record TenantPageDocument(IReadOnlyList<TenantDocument> Tenants, int Page, int PageSize, int TotalResults);
