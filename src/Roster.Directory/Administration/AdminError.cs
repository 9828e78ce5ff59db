namespace Roster.Directory.Administration;

/// <summary>
/// An expected failure of an administrator's request (roles, SCIM settings, audit queries): a
/// kind and a detail a person can act on. The admin API renders it as ProblemDetails; SCIM
/// failures stay <see cref="Scim.Errors.ScimError"/>s.
/// </summary>
public sealed record AdminError(AdminErrorKind Kind, string Detail)
{
    public static AdminError NotFound(string detail) => new(AdminErrorKind.NotFound, detail);

    public static AdminError Conflict(string detail) => new(AdminErrorKind.Conflict, detail);

    public static AdminError Validation(string detail) => new(AdminErrorKind.Validation, detail);

    public static AdminError ManagedByScim(string detail) => new(AdminErrorKind.ManagedByScim, detail);

    /// <summary>A refusal of Roster's privilege model (<see cref="Roles.PrivilegeRules"/>): the actor lacks permissions the change needs.</summary>
    public static AdminError Forbidden(string detail) => new(AdminErrorKind.Forbidden, detail);

    public static AdminError Gone(string detail) => new(AdminErrorKind.Gone, detail);
}
