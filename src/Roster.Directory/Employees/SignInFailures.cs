namespace Roster.Directory.Employees;

/// <summary>
/// The reasons a sign-in fails, as the person reads them. An unknown email and a wrong password
/// share <see cref="Generic"/> so that the form does not tell who has an account.
/// </summary>
public static class SignInFailures
{
    public const string Generic = "The email or password is not correct.";

    public const string Locked = "This account is locked after too many failed sign-ins; an administrator can unblock it.";

    public const string Deactivated = "This account is deactivated; ask an administrator to reactivate it.";

    public const string NotActivated =
        "This account is not activated yet; use the link in your invitation email, or ask an administrator to send a new invitation.";
}
