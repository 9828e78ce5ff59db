namespace Roster.Directory.Employees;

/// <summary>
/// A change to an employee profile; a null member keeps the current value. Email (the userName)
/// is not changed here: it identifies the person to the IdP and at sign-in.
/// </summary>
/// <param name="FirstName">New name.givenName.</param>
/// <param name="LastName">New name.familyName.</param>
/// <param name="PrimaryRoleId">
/// New primary role. Setting roles replaces them: with <paramref name="RoleIds"/> missing, the
/// profile then holds this role only (a demotion takes the old role away).
/// </param>
/// <param name="LoginAuthenticator">New login authenticator.</param>
/// <param name="Billing">New billing attributes.</param>
/// <param name="ClearBilling">
/// Sets <see cref="BillingAttributes.None"/> (not billable, no license), for a profile made only to
/// hold credentials (CXone); wins over <paramref name="Billing"/>.
/// </param>
/// <param name="Active">
/// False deactivates the profile (status deactivated; its sessions, access keys and tokens stop at
/// once), true reactivates it: the same change as SCIM <c>active</c>, for tenants without SCIM.
/// </param>
/// <param name="RoleIds">
/// Every role the profile is to hold (the primary one first unless <paramref name="PrimaryRoleId"/>
/// names it); replaces the roles it holds. An empty list takes every role away.
/// </param>
public sealed record EmployeeUpdate(
    string? FirstName = null,
    string? LastName = null,
    Guid? PrimaryRoleId = null,
    string? LoginAuthenticator = null,
    BillingAttributes? Billing = null,
    bool ClearBilling = false,
    bool? Active = null,
    IReadOnlyList<Guid>? RoleIds = null);
