namespace Roster.Directory.SecondFactors;

/// <summary>What a person reads when the second step stops them.</summary>
public static class SecondFactorFailures
{
    /// <summary>HTTP Basic carries no code: said only after the right password.</summary>
    public const string UseConsole =
        "This account signs in with a second factor, which HTTP Basic cannot carry. Sign in to the console instead; " +
        "for a program, use an access key (the employee's Security tab) as OAuth client credentials at /auth/token.";

    /// <summary>A wrong, reused or late code, a used recovery code, or a lock: one answer for all.</summary>
    public const string Generic =
        "The code is not correct, or too many failed attempts have locked sign-in for a while. Type the code your authenticator app shows now, or one of your recovery codes.";

    /// <summary>The half-finished sign-in ran out, or there is none.</summary>
    public const string Expired = "Sign-in took too long. Enter your email and password again.";

    /// <summary>A code that does not confirm a new authenticator app.</summary>
    public const string NotConfirmed = "That is not the code the app shows now. Check the phone's clock, and type the six digits shown now.";
}
