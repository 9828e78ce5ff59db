using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Roster.Directory.Keys;

namespace Roster.Server.Keys;

/// <summary>Reads what <see cref="DataProtectionKeyEncryption"/> wrote; data protection makes it by type, with the application's services.</summary>
public sealed class DataProtectionKeyDecryption(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var kek = services.GetRequiredService<IKeyEncryptionKey>();
        var plaintext = kek.Unwrap(Convert.FromBase64String(encryptedElement.Value), DataProtectionKeyEncryption.Context);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
