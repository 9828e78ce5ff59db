using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Roster.Directory.Webhooks;

/// <summary>
/// Endpoint signing secrets: made here (Standard Webhooks' <c>whsec_</c> followed by 32 random
/// bytes in base64), shown once, and stored encrypted with ASP.NET Core Data Protection, whose
/// keys Roster keeps in its database for every node (ARCHITECTURE decision 6). Unlike tokens
/// they cannot be hashed: Roster signs each delivery with them.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    public const string Prefix = "whsec_";

    private readonly IDataProtector _protector = protection.CreateProtector("Roster.Webhooks.SigningSecret.v1");

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string stored) => _protector.Unprotect(stored);
}
