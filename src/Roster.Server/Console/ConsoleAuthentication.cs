namespace Roster.Server.Console;

/// <summary>
/// The console's cookie sign-in, by name: other parts of Roster (the OAuth authorize endpoint)
/// challenge <see cref="Scheme"/> to send a person who is not signed in to <see cref="SignInPath"/>
/// with a <see cref="ReturnUrlParameter"/>, and read the signed-in employee from the same scheme.
/// </summary>
public static class ConsoleAuthentication
{
    /// <summary>The authentication scheme of console sessions (a cookie).</summary>
    public const string Scheme = "RosterConsole";

    /// <summary>The sign-in page; a local <see cref="ReturnUrlParameter"/> is followed after sign-in.</summary>
    public const string SignInPath = "/console/sign-in";

    public const string SignOutPath = "/console/sign-out";

    /// <summary>The second step after the password: a code from the authenticator app, or a recovery code.</summary>
    public const string SecondFactorPath = "/console/sign-in/code";

    /// <summary>The second step when the tenant's policy requires a factor the person has not set up yet.</summary>
    public const string SecondFactorEnrolmentPath = "/console/sign-in/enrol";

    /// <summary>"Locked? Email me an unlock link."</summary>
    public const string UnlockRequestPath = "/console/unlock";

    /// <summary>The query parameter that carries where to go back to after sign-in.</summary>
    public const string ReturnUrlParameter = "ReturnUrl";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "roster_console";

    /// <summary>The policy every console page needs: a signed-in employee of a tenant.</summary>
    public const string Policy = "console";

    /// <summary>What the audit log records as the client of changes made in the console.</summary>
    public const string Client = "console";

    /// <summary>How long a session lasts without a request; each request renews it.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);
}
