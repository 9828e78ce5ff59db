using Roster.Directory.Roles;
using Roster.Directory.Sso;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>What the shared profile fields show: the values entered and the roles to pick from.</summary>
/// <param name="FirstName">name.givenName as entered.</param>
/// <param name="LastName">name.familyName as entered.</param>
/// <param name="PrimaryRoleId">The primary role chosen.</param>
/// <param name="OtherRoleIds">The further roles ticked.</param>
/// <param name="LoginAuthenticator">How the person signs in.</param>
/// <param name="Billable">The billing box.</param>
/// <param name="Licenses">Licenses as typed.</param>
/// <param name="Roles">The tenant's roles.</param>
/// <param name="HeldRoles">The role names the person holds now (a deactivated one is shown so it can be removed).</param>
/// <param name="ForNewProfile">True on "Create employee".</param>
/// <param name="Connections">The tenant's SSO connections, offered as login authenticators besides the password.</param>
/// <param name="CredentialOnly">True while SCIM provisioning is on: the only profiles made by hand then are credential-only (not billed, no license).</param>
public sealed record ProfileForm(
    string? FirstName,
    string? LastName,
    Guid? PrimaryRoleId,
    IReadOnlyList<Guid> OtherRoleIds,
    string? LoginAuthenticator,
    bool Billable,
    string? Licenses,
    IReadOnlyList<Role> Roles,
    IReadOnlyCollection<string> HeldRoles,
    bool ForNewProfile,
    bool CredentialOnly = false,
    IReadOnlyList<SsoConnection>? Connections = null)
{
    /// <summary>The roles the form offers: the active ones, and any the person holds although deactivated.</summary>
    public IEnumerable<Role> Offered => Roles.Where(r => r.Active || HeldRoles.Contains(r.Name, StringComparer.Ordinal));
}
