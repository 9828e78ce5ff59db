using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Roster.Directory.Keys;

namespace Roster.Server.Keys;

/// <summary>
/// ASP.NET Core data protection's keys (console sessions, anti-forgery tokens) encrypted with
/// Roster's key-encryption key before they are stored: data protection hands each new key's
/// secret to this encryptor and writes what it returns, naming
/// <see cref="DataProtectionKeyDecryption"/> to read it back. The same envelope as every other
/// key at rest, so a certificate or a key file serves both alike. The key-encryption key is looked
/// up when the first key is written: data protection is built before the database is migrated.
/// </summary>
public sealed class DataProtectionKeyEncryption(Func<IKeyEncryptionKey> kekSource) : IXmlEncryptor
{
    /// <summary>The element that holds an encrypted secret in a stored key's XML.</summary>
    public const string ElementName = "rosterEncryptedKey";

    /// <summary>What the envelopes of data-protection keys are bound to.</summary>
    internal const string Context = "data_protection_keys";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var kek = kekSource();
        var envelope = kek.Wrap(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)), Context);
        return new EncryptedXmlInfo(
            new XElement(ElementName, new XAttribute("kek", kek.Id), Convert.ToBase64String(envelope)),
            typeof(DataProtectionKeyDecryption));
    }
}
