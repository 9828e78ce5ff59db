using System.ComponentModel.DataAnnotations;

namespace Roster.Server.Throttling;

/// <summary>
/// How many credential guesses Roster takes per minute before answering 429 with Retry-After
/// (<c>Roster:Throttling</c>). An IdP asks for a token about once an hour and a person signs in
/// a few times a day, so these only ever stop guessing. Account lockout after repeated failed
/// sign-ins stays the second line.
/// </summary>
public sealed class CredentialThrottleOptions
{
    public const string SectionName = "Roster:Throttling";

    /// <summary>Token requests per minute for one client_id from one address.</summary>
    [Range(1, 100_000)]
    public int TokenPerClient { get; set; } = 30;

    /// <summary>Token requests per minute from one address, whatever the client.</summary>
    [Range(1, 100_000)]
    public int TokenPerAddress { get; set; } = 300;

    /// <summary>
    /// Authorization requests per minute from one address (<c>/auth/authorize</c>, GET and the
    /// consent form's POST): anyone may send them before signing in. A person's sign-in through
    /// Okta's button takes three or four.
    /// </summary>
    [Range(1, 100_000)]
    public int AuthorizePerAddress { get; set; } = 60;

    /// <summary>Sign-in attempts per minute for one email from one address.</summary>
    [Range(1, 100_000)]
    public int SignInPerAccount { get; set; } = 10;

    /// <summary>Sign-in attempts per minute from one address, whatever the account.</summary>
    [Range(1, 100_000)]
    public int SignInPerAddress { get; set; } = 200;
}
