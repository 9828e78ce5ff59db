namespace Roster.Directory.Employees;

/// <summary>
/// The reasons a sign-in fails, as the person reads them. Every failure that does not follow a
/// correct password (an unknown email, a wrong password, a profile without a password yet, a
/// lock) shares <see cref="Generic"/>, so that the answer tells nobody who has an account or
/// what state it is in; only the right password earns a more precise reason.
/// </summary>
public static class SignInFailures
{
    public const string Generic =
        "Sign-in failed: the email or password is not correct, or too many failed attempts have locked sign-in for a while. " +
        "Check both and try again later, or ask for an unlock link.";

    public const string Deactivated = "This account is deactivated; ask an administrator to reactivate it.";

    public const string NotActivated =
        "This account is not activated yet; use the link in your invitation email, or ask an administrator to send a new invitation.";
}
