using Roster.Directory.Administration;
using Roster.Directory.Domains;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>The checks on what an administrator enters for a profile: email, names, role, authenticator, billing.</summary>
internal static class EmployeeRules
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxAuthenticatorLength = 100;
    public const int MaxLicenses = 50;
    public const int MaxRoles = 50;

    /// <summary>An address an administrator typed, held to <see cref="EmailAddress"/>'s rules (<see cref="EmailAddress.FromTyped"/>).</summary>
    public static AdminResult<string> Email(string? email) =>
        EmailAddress.FromTyped(email, out var problem) is { } address
            ? address.Value
            : AdminError.Validation($"\"{email}\" is not an email address: {problem}.") with { Field = "email" };

    public static AdminResult<string> Name(string? name, string label, string field)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            // The label is part of the wording ("An employee needs a first name."), so that each sentence can be translated whole.
            return AdminError.Validation(ErrorText.FromString($"An employee needs a {label}.")) with { Field = field };
        }

        return trimmed.Length > MaxNameLength
            ? AdminError.Validation($"A {label} has at most {MaxNameLength} characters; this one has {trimmed.Length}.") with { Field = field }
            : trimmed;
    }

    public static AdminResult<string> Authenticator(string? authenticator)
    {
        var trimmed = authenticator?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return AdminError.Validation("An employee needs a login authenticator (\"password\" by default).") with { Field = "loginAuthenticator" };
        }

        return trimmed.Length > MaxAuthenticatorLength
            ? AdminError.Validation($"A login authenticator has at most {MaxAuthenticatorLength} characters.") with { Field = "loginAuthenticator" }
            : trimmed;
    }

    /// <summary>The billing attributes with licenses trimmed, empty ones dropped and each once.</summary>
    public static AdminResult<BillingAttributes> Billing(BillingAttributes billing)
    {
        var licenses = (billing.Licenses ?? []).Select(l => l?.Trim() ?? "").Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return licenses.Count > MaxLicenses
            ? AdminError.Validation($"A profile holds at most {MaxLicenses} licenses.") with { Field = "billing" }
            : new BillingAttributes(billing.Billable, licenses);
    }

    /// <summary>
    /// The roles an administrator sets, primary first, each once: <paramref name="primaryRoleId"/>
    /// and <paramref name="roleIds"/> together (either may be missing). Null when neither is given
    /// (the roles stay as they are); each role must exist and be active, or be one of
    /// <paramref name="held"/> (a deactivated role the person holds may stay, granting nothing).
    /// </summary>
    public static AdminResult<IReadOnlyList<string>?> RoleNames(Guid? primaryRoleId, IReadOnlyList<Guid>? roleIds, IReadOnlyList<Role> roles, IReadOnlyCollection<string> held)
    {
        if (primaryRoleId is null && roleIds is null)
        {
            return AdminResult<IReadOnlyList<string>?>.Success(null);
        }

        var ids = (primaryRoleId is { } primary ? [primary] : Array.Empty<Guid>()).Concat(roleIds ?? []).Distinct().ToList();
        if (ids.Count > MaxRoles)
        {
            return AdminError.Validation($"A profile holds at most {MaxRoles} roles.") with { Field = "roleIds" };
        }

        var names = new List<string>();
        foreach (var id in ids)
        {
            if (roles.FirstOrDefault(r => r.Id == id && !r.Active && held.Contains(r.Name, StringComparer.Ordinal)) is { } kept)
            {
                names.Add(kept.Name);
                continue;
            }

            var role = PrimaryRole(id, roles);
            if (!role.IsSuccess)
            {
                return role.Error;
            }

            names.Add(role.Value.Name);
        }

        return names;
    }

    /// <summary>The named role, which must exist and be active in the tenant.</summary>
    public static AdminResult<Role> PrimaryRole(Guid roleId, IReadOnlyList<Role> roles)
    {
        var role = roles.FirstOrDefault(r => r.Id == roleId);
        if (role is null)
        {
            return EmployeeErrors.UnknownRole(roleId);
        }

        return role.Active ? role : EmployeeErrors.InactiveRole(role.Name);
    }
}
