using System.Globalization;

namespace Roster.Directory.Roles;

/// <summary>
/// Roster's privilege model, in one place: <b>no path lets a person obtain a permission they do
/// not hold</b>, and a credential's power never exceeds its owner's (docs/security.md, "The
/// privilege model"). Every use case that grants a role, changes a role, changes a person or
/// issues a credential asks one of these rules first, whichever door the request came through
/// (admin API, console, SCIM, OAuth); the operator (<see cref="PermissionSet.Unbounded"/>) passes
/// all of them. Each rule answers null when allowed, else a <see cref="PrivilegeRefusal"/> that names
/// what is missing, in a wording the console translates whole (one sentence per rule, possessive
/// and number, so no language has to assemble English fragments).
/// </summary>
public static class PrivilegeRules
{
    /// <summary>The code of a refusal of <see cref="Govern"/>.</summary>
    public const string GovernCode = "privilege.govern";

    /// <summary>The code of a refusal of <see cref="Grant"/>.</summary>
    public const string GrantCode = "privilege.grant";

    /// <summary>The code of a refusal of <see cref="ChangeRole"/>.</summary>
    public const string ChangeRoleCode = "privilege.role";

    /// <summary>The code of a refusal of <see cref="Issue"/>.</summary>
    public const string IssueCode = "privilege.issue";

    /// <summary>How a refusal names a person's own permissions (admin API, console).</summary>
    public const string Yours = "your";

    /// <summary>How a refusal names a SCIM or OAuth credential's permissions (its owner's, within its ceiling).</summary>
    public const string Credentials = "this credential's";

    /// <summary>
    /// Changing a person (their roles, names, status, or deleting or inviting them) needs every
    /// permission they hold: otherwise whoever edits could take over, or hand out, more than
    /// they have.
    /// </summary>
    public static PrivilegeRefusal? Govern(PermissionSet actor, PermissionSet target, string targetName, string possessive)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var missing = actor.Missing(target);
        return missing.Count == 0 ? null
            : Refused(GovernCode, $"Changing {{0}} needs every permission they hold; {{1}} {IsOrAre(missing)} not among {possessive} permissions.", missing, targetName);
    }

    /// <summary>Giving someone a role (directly, by a default or required role, by SCIM) needs every permission it grants.</summary>
    public static PrivilegeRefusal? Grant(PermissionSet actor, Role role, string possessive)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(role);
        var missing = actor.Missing(PermissionSet.Of(role.Permissions.Select(p => p.Key)));
        return missing.Count == 0 ? null
            : Refused(GrantCode, $"Giving the role '{{0}}' needs every permission it grants; {{1}} {IsOrAre(missing)} not among {possessive} permissions.", missing, role.Name);
    }

    /// <summary>
    /// Creating, renaming, activating, deactivating a role or changing its permissions needs
    /// every permission it grants before and after: a role is a grant to everyone who holds it.
    /// </summary>
    public static PrivilegeRefusal? ChangeRole(PermissionSet actor, Role? before, Role after)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(after);
        var keys = (before?.Permissions ?? []).Concat(after.Permissions).Select(p => p.Key);
        var missing = actor.Missing(PermissionSet.Of(keys));
        return missing.Count == 0 ? null
            : Refused(ChangeRoleCode, $"Changing the role '{{0}}' needs every permission it grants, before and after the change; {{1}} {IsOrAre(missing)} not among your permissions.", missing, after.Name);
    }

    /// <summary>
    /// Issuing or reactivating a credential that acts for <paramref name="ownerName"/> (a SCIM
    /// token, an access key, a back-end app) needs every permission the owner holds.
    /// </summary>
    public static PrivilegeRefusal? Issue(PermissionSet actor, PermissionSet owner, string credential, string ownerName)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var missing = actor.Missing(owner);
        return missing.Count == 0 ? null
            : Refused(IssueCode, $"Making {credential} that acts for {{0}} needs every permission they hold; {{1}} {IsOrAre(missing)} not among your permissions.", missing, ownerName);
    }

    /// <summary>
    /// The ceiling stored with a credential: what its issuer held when issuing it, so that a later
    /// promotion of its owner never hands the issuer (who saw the secret) more than they had.
    /// None (null) when the owner issues for themselves or the operator issues: the credential
    /// then follows its owner's permissions.
    /// </summary>
    public static string? CeilingFor(PermissionSet issuer, Guid? issuerId, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return issuer.IsUnbounded || issuerId == ownerId ? null : issuer.ToText();
    }

    // The English sentence joins the permissions with "and"; the translated ones get them
    // separated by commas only, as the permission keys themselves are not translated.
    private static PrivilegeRefusal Refused(string code, string template, IReadOnlyList<Permission> missing, string name) =>
        new(code, template, [name, string.Join(", ", missing.Select(p => $"'{p.Key}'"))],
            string.Format(CultureInfo.InvariantCulture, template, name, List(missing)));

    private static string List(IReadOnlyList<Permission> permissions) =>
        permissions.Count == 1 ? $"'{permissions[0].Key}'"
            : string.Join(", ", permissions.Take(permissions.Count - 1).Select(p => $"'{p.Key}'")) + $" and '{permissions[^1].Key}'";

    private static string IsOrAre(IReadOnlyList<Permission> permissions) => permissions.Count == 1 ? "is" : "are";
}
