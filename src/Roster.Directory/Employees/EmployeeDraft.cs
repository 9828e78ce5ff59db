namespace Roster.Directory.Employees;

/// <summary>A new employee profile as an administrator enters it.</summary>
/// <param name="Email">The email, also the userName; unique in the tenant ignoring case.</param>
/// <param name="FirstName">name.givenName; required.</param>
/// <param name="LastName">name.familyName; required.</param>
/// <param name="PrimaryRoleId">An active role of the tenant; none means the SCIM default role, if one is set.</param>
/// <param name="LoginAuthenticator">How the person signs in; "password" unless the tenant uses another.</param>
/// <param name="Billing">Null for <see cref="BillingAttributes.Default"/> (billable, no license).</param>
/// <param name="RoleIds">Further active roles, beside the primary one.</param>
public sealed record EmployeeDraft(
    string Email,
    string FirstName,
    string LastName,
    Guid? PrimaryRoleId = null,
    string LoginAuthenticator = EmployeeDraft.PasswordAuthenticator,
    BillingAttributes? Billing = null,
    IReadOnlyList<Guid>? RoleIds = null)
{
    public const string PasswordAuthenticator = "password";
}
