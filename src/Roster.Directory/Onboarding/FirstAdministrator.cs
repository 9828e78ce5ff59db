using Roster.Directory.Employees;

namespace Roster.Directory.Onboarding;

/// <summary>The administrator a setup link made, and the organization they administer.</summary>
public sealed record FirstAdministrator(Guid TenantId, Employee Employee);
