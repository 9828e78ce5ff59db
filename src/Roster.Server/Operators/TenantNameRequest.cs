namespace Roster.Server.Operators;

/// <summary>The body that creates or renames a tenant.</summary>
public sealed record TenantNameRequest(string? Name);
