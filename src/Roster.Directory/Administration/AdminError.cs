namespace Roster.Directory.Administration;

/// <summary>
/// An expected failure of an administrator's request (roles, SCIM settings, audit queries): a
/// kind and a detail a person can act on. The admin API renders it as ProblemDetails; SCIM
/// failures stay <see cref="Scim.Errors.ScimError"/>s. <see cref="Template"/> and
/// <see cref="Arguments"/> are the detail's wording and values apart (<see cref="ErrorText"/>),
/// from which the console says it in the person's language.
/// </summary>
public sealed record AdminError(AdminErrorKind Kind, string Detail)
{
    /// <summary>The detail as a composite format (<c>{0}</c> for each value); the detail itself when it was given as one string.</summary>
    public string Template { get; init; } = Detail.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    /// <summary>The values <see cref="Template"/> places.</summary>
    public IReadOnlyList<object?> Arguments { get; init; } = [];

    /// <summary>
    /// What refused, for programs, where the rule has a code (<see cref="Roles.PrivilegeRefusal.Code"/>,
    /// e.g. <c>privilege.grant</c>); the admin API gives it as the ProblemDetails member <c>code</c>.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>The request field at fault, where the rule that refused knows it (the admin API lists it under <c>errors</c>).</summary>
    public string? Field { get; init; }

    /// <summary>
    /// Further refusals of the same request found by the same check, each with its own field, so
    /// a form shows every mistake at once (the admin API lists them under <c>errors</c> too).
    /// </summary>
    public IReadOnlyList<AdminError> Also { get; init; } = [];

    public static AdminError NotFound(ErrorText detail) => Of(AdminErrorKind.NotFound, detail);

    public static AdminError Conflict(ErrorText detail) => Of(AdminErrorKind.Conflict, detail);

    public static AdminError Validation(ErrorText detail) => Of(AdminErrorKind.Validation, detail);

    public static AdminError ManagedByScim(ErrorText detail) => Of(AdminErrorKind.ManagedByScim, detail);

    /// <summary>A refusal of Roster's privilege model (<see cref="Roles.PrivilegeRules"/>): the actor lacks permissions the change needs.</summary>
    public static AdminError Forbidden(ErrorText detail) => Of(AdminErrorKind.Forbidden, detail);

    /// <summary>A refusal of Roster's privilege model, with its code and its wording apart for translation.</summary>
    public static AdminError Forbidden(Roles.PrivilegeRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(AdminErrorKind.Forbidden, refusal.Detail) { Template = refusal.Template, Arguments = refusal.Arguments, Code = refusal.Code };
    }

    public static AdminError Gone(ErrorText detail) => Of(AdminErrorKind.Gone, detail);

    private static AdminError Of(AdminErrorKind kind, ErrorText detail) =>
        new(kind, detail.Render()) { Template = detail.Template, Arguments = detail.Arguments };
}
