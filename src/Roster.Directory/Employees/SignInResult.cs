using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>The outcome of a sign-in: the employee and their permission keys, or a reason to show the person.</summary>
/// <param name="Succeeded">True when the email and password matched a usable profile.</param>
/// <param name="Employee">The signed-in employee; null on failure.</param>
/// <param name="Permissions">The <see cref="Permission.Key"/>s of the employee's active roles, implied ones included; empty on failure.</param>
/// <param name="FailureReason">A sentence for the person; null on success.</param>
public sealed record SignInResult(bool Succeeded, Employee? Employee, IReadOnlySet<string> Permissions, string? FailureReason)
{
    public static SignInResult Success(Employee employee, IReadOnlySet<string> permissions) => new(true, employee, permissions, null);

    public static SignInResult Failure(string reason) => new(false, null, new HashSet<string>(), reason);
}
