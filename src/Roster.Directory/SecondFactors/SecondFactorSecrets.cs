using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Roster.Directory.SecondFactors;

/// <summary>
/// Encrypts TOTP secrets with ASP.NET Core Data Protection, as <see cref="Sso.SsoSecrets"/> does
/// an SSO connection's secret: its keys are in the database too (<c>data_protection_keys</c>),
/// shared by every node. A TOTP secret must be read to check a code, so it cannot be hashed;
/// each is bound to its tenant and person, so a row copied to someone else does not decrypt.
/// </summary>
public sealed class SecondFactorSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Roster.SecondFactors.Totp.v1");

    internal string Protect(Guid tenantId, Guid userId, byte[] secret) =>
        For(tenantId, userId).Protect(Convert.ToBase64String(secret));

    /// <summary>The secret, or null when it cannot be decrypted (the keys were lost, or the row is another person's).</summary>
    internal byte[]? Unprotect(Guid tenantId, Guid userId, string stored)
    {
        try
        {
            return Convert.FromBase64String(For(tenantId, userId).Unprotect(stored));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector For(Guid tenantId, Guid userId) => _protector.CreateProtector(tenantId.ToString("N"), userId.ToString("N"));
}
