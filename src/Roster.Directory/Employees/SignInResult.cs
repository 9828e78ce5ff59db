using Roster.Directory.Roles;
using Roster.Directory.SecondFactors;

namespace Roster.Directory.Employees;

/// <summary>The outcome of a sign-in: the employee and their permission keys, or a reason to show the person.</summary>
/// <param name="Succeeded">True when the email and password matched a usable profile.</param>
/// <param name="Employee">The signed-in employee; null on failure.</param>
/// <param name="Permissions">The <see cref="Permission.Key"/>s of the employee's active roles, implied ones included; empty on failure.</param>
/// <param name="FailureReason">A sentence for the person; null on success.</param>
public sealed record SignInResult(bool Succeeded, Employee? Employee, IReadOnlySet<string> Permissions, string? FailureReason)
{
    /// <summary>
    /// True when the password was right, also when the profile then may not sign in (deactivated):
    /// only then may a caller say more than <see cref="SignInFailures.Generic"/>, such as asking
    /// which organization to sign in to.
    /// </summary>
    public bool PasswordMatched { get; init; }

    /// <summary>
    /// True when the right password was refused because the person signs in through single sign-on
    /// (the tenant is SSO only, or their login authenticator is a connection): the sign-in page then
    /// offers the organization's SSO connections.
    /// </summary>
    public bool NeedsSingleSignOn { get; init; }

    /// <summary>
    /// What the right password still needs before a session may start (<see cref="SecondFactorStep"/>):
    /// such a result is not <see cref="Succeeded"/>, so a caller that cannot ask for a code (HTTP Basic) refuses it.
    /// </summary>
    public SecondFactorStep SecondFactor { get; init; }

    /// <summary>The password was right, and sign-in goes on to <paramref name="step"/>.</summary>
    public static SignInResult SecondStep(Employee employee, SecondFactorStep step) =>
        new(false, employee, new HashSet<string>(), SecondFactorFailures.UseConsole) { PasswordMatched = true, SecondFactor = step };

    public static SignInResult Success(Employee employee, IReadOnlySet<string> permissions) => new(true, employee, permissions, null) { PasswordMatched = true };

    public static SignInResult Failure(string reason) => new(false, null, new HashSet<string>(), reason);

    /// <summary>The password was right, but the profile may not sign in, for <paramref name="reason"/>.</summary>
    public static SignInResult Refused(string reason) => Failure(reason) with { PasswordMatched = true };
}
