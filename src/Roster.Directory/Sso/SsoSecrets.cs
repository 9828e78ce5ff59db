using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Roster.Directory.Sso;

/// <summary>
/// Encrypts the one secret a connection holds (an OpenID client secret, or the private key its
/// SAML AuthnRequests are signed with) with ASP.NET Core Data Protection, whose keys every node
/// shares through the database. Unlike Roster's own credentials these cannot be hashed: Roster
/// must present them to the IdP.
/// </summary>
public sealed class SsoSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Roster.Sso.ConnectionSecret.v1");

    public string Protect(Guid connectionId, string secret) => _protector.CreateProtector(connectionId.ToString("N")).Protect(secret);

    /// <summary>The secret, or null when it cannot be decrypted (the keys were lost or the row was moved to another connection).</summary>
    public string? Unprotect(Guid connectionId, string? protectedSecret)
    {
        if (protectedSecret is null)
        {
            return null;
        }

        try
        {
            return _protector.CreateProtector(connectionId.ToString("N")).Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
