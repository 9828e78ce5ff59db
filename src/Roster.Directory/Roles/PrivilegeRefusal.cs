namespace Roster.Directory.Roles;

/// <summary>
/// Why a rule of <see cref="PrivilegeRules"/> refused: a <see cref="Code"/> for programs (the admin
/// API's ProblemDetails carry it as <c>code</c>), and the sentence's wording apart from its values
/// (<see cref="Template"/>, the key the console finds a translation by, and <see cref="Arguments"/>),
/// so that an administrator reads it in their language; <see cref="Detail"/> is the English sentence.
/// </summary>
/// <param name="Code">Which rule refused: <c>privilege.govern</c>, <c>privilege.grant</c>, <c>privilege.role</c> or <c>privilege.issue</c>.</param>
/// <param name="Template">The sentence as a composite format, <c>{0}</c> for each value.</param>
/// <param name="Arguments">The values, the missing permissions last as <c>'a', 'b'</c>.</param>
/// <param name="Detail">The English sentence, as the admin API, SCIM and the logs give it.</param>
public sealed record PrivilegeRefusal(string Code, string Template, IReadOnlyList<object?> Arguments, string Detail)
{
    public override string ToString() => Detail;
}
