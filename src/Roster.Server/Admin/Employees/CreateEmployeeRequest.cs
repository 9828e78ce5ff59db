namespace Roster.Server.Admin.Employees;

/// <summary>The body of <c>POST /employees</c>; the email is also the userName; <see cref="RoleIds"/> are roles beside the primary one.</summary>
public sealed record CreateEmployeeRequest(
    string? Email,
    string? FirstName,
    string? LastName,
    Guid? PrimaryRoleId,
    string? LoginAuthenticator,
    BillingDocument? Billing,
    IReadOnlyList<Guid>? RoleIds = null);
