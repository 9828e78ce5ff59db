using Roster.Directory.Roles;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>What the shared profile fields show: the values entered and the roles to pick from.</summary>
public sealed record ProfileForm(
    string? FirstName,
    string? LastName,
    Guid? PrimaryRoleId,
    string? LoginAuthenticator,
    bool Billable,
    string? Licenses,
    IReadOnlyList<Role> Roles,
    bool ForNewProfile);
