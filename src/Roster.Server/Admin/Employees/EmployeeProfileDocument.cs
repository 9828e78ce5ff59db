using Roster.Directory.Employees;

namespace Roster.Server.Admin.Employees;

/// <summary>
/// An employee profile as the admin API returns it; status is invited, active, deactivated or
/// locked. <c>roles</c> are the roles their profile (their SCIM <c>roles</c>) names;
/// <c>effectiveRoles</c> every role they hold, from rules, default and required roles and manual
/// grants too, primary first (<c>GET /employees/{id}/roles</c> says why).
/// </summary>
public sealed record EmployeeProfileDocument(
    Guid Id,
    string Email,
    string? FirstName,
    string? LastName,
    Guid? PrimaryRoleId,
    string? PrimaryRole,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> EffectiveRoles,
    string Status,
    string LoginAuthenticator,
    BillingDocument Billing,
    DateTimeOffset Created,
    DateTimeOffset LastModified)
{
    public static EmployeeProfileDocument From(Employee employee)
    {
        ArgumentNullException.ThrowIfNull(employee);
        return new(
            employee.Id,
            employee.Email,
            employee.FirstName,
            employee.LastName,
            employee.PrimaryRoleId,
            employee.PrimaryRoleName,
            employee.Roles,
            employee.EffectiveRoles,
            employee.Status.ToString().ToLowerInvariant(),
            employee.LoginAuthenticator,
            new BillingDocument(employee.Billing.Billable, employee.Billing.Licenses),
            employee.Created,
            employee.LastModified);
    }
}
