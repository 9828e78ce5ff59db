namespace Roster.Directory.Sso;

/// <summary>
/// A profile's login authenticator (CXone's word), as stored: <see cref="Password"/>, or
/// <c>sso:{connection id}</c> for a person who signs in only through that connection.
/// </summary>
public static class LoginAuthenticators
{
    public const string Password = "password";

    private const string Prefix = "sso:";

    public static string For(Guid connectionId) => Prefix + connectionId.ToString("D");

    /// <summary>The connection a stored authenticator names, or null for a password (or an old free-text value).</summary>
    public static Guid? ConnectionOf(string? authenticator) =>
        authenticator is not null && authenticator.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(authenticator.AsSpan(Prefix.Length), out var id) ? id : null;
}
