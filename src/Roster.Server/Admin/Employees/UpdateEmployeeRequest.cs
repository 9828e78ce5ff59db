namespace Roster.Server.Admin.Employees;

/// <summary>
/// The body of <c>PUT /employees/{id}</c>; a missing member keeps its value. Roles, given by
/// <see cref="PrimaryRoleId"/> and/or <see cref="RoleIds"/>, replace the roles held (the primary
/// one first; <c>roleIds: []</c> takes every role away). <see cref="ClearBilling"/>
/// makes the profile not billable with no license, for a profile that only holds credentials;
/// <c>active: false</c> deactivates the profile (its sessions, access keys and tokens stop), <c>true</c> reactivates it.
/// </summary>
public sealed record UpdateEmployeeRequest(
    string? FirstName,
    string? LastName,
    Guid? PrimaryRoleId,
    string? LoginAuthenticator,
    BillingDocument? Billing,
    bool? ClearBilling,
    bool? Active = null,
    IReadOnlyList<Guid>? RoleIds = null);
