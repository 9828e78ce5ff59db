using Roster.Directory.Administration;
using Roster.Directory.Database;

namespace Roster.Directory.Sso;

/// <summary>What an administrator may give as a profile's login authenticator, and what is stored for it.</summary>
internal static class LoginAuthenticatorNames
{
    /// <summary>
    /// "password" (any case), or one of the tenant's SSO connections by its name, its id or
    /// <c>sso:{id}</c>: stored as <see cref="LoginAuthenticators.Password"/> or <see cref="LoginAuthenticators.For"/>.
    /// </summary>
    public static async Task<AdminResult<string>> ResolveAsync(SqlSession session, string given, CancellationToken cancellationToken)
    {
        var text = given.Trim();
        if (string.Equals(text, LoginAuthenticators.Password, StringComparison.OrdinalIgnoreCase))
        {
            return LoginAuthenticators.Password;
        }

        var connections = await SsoConnectionSql.ReadAllAsync(session, cancellationToken);
        var id = LoginAuthenticators.ConnectionOf(text) ?? (Guid.TryParse(text, out var parsed) ? parsed : null);
        var connection = connections.FirstOrDefault(c => c.Id == id) ?? connections.FirstOrDefault(c => string.Equals(c.Name, text, StringComparison.Ordinal));
        return connection is null ? SsoErrors.UnknownAuthenticator(text) : connection.Authenticator;
    }
}
