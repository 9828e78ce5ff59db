using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Keys;
using Roster.Server.Hosting;
using Roster.Server.OAuth;
using Roster.Server.Settings;

namespace Roster.Server.Keys;

/// <summary>
/// Keys at rest, encrypted with the key-encryption key (<see cref="KeysOptions"/>): the OAuth
/// server's keys (<see cref="ServerKeys"/>) and ASP.NET Core's data-protection keys. Registered by
/// the server and the <c>keys</c> commands; <see cref="PrepareAsync"/> runs after every migration.
/// </summary>
public sealed class KeysAtRest(IServiceProvider services)
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    public static IServiceCollection AddRosterKeys(IServiceCollection services, IConfiguration configuration, RosterStorage storage)
    {
        AddKeyEncryptionKey(services, configuration, storage);
        services.AddSingleton<KeysAtRest>();
        return services;
    }

    /// <summary>
    /// The key-encryption key alone, resolved when first used: for the CLI's commands that read or
    /// write data-protection keys (webhook secrets) without preparing every key at start.
    /// </summary>
    public static IServiceCollection AddKeyEncryptionKey(IServiceCollection services, IConfiguration configuration, RosterStorage storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRosterOptions<KeysOptions>(configuration, KeysOptions.SectionName);
        services.AddSingleton<IKeyEncryptionKey>(provider => KeyEncryptionKeys.Resolve(
            provider.GetRequiredService<IOptions<KeysOptions>>().Value,
            storage,
            provider.GetRequiredService<DirectoryDatabase>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyEncryptionKeys).FullName!)));
        return services;
    }

    /// <summary>
    /// Makes sure the keys are usable before the node serves: the key-encryption key is found (or
    /// made, for an empty database), the OAuth keys decrypt (or are made), and data-protection keys
    /// an earlier version stored in clear are encrypted in place.
    /// </summary>
    /// <exception cref="KeyUnavailableException">The configured key-encryption key is not the one the keys need.</exception>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var kek = services.GetRequiredService<IKeyEncryptionKey>();
        services.GetRequiredService<ServerKeys>().Load(OAuthServerSetup.KeyRetention);
        await EncryptDataProtectionKeysInClearAsync(kek, cancellationToken);
    }

    private async Task EncryptDataProtectionKeysInClearAsync(IKeyEncryptionKey kek, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<DirectoryDatabase>();
        await using var db = database.CreateContext(Guid.Empty);
        var clear = await db.DataProtectionKeys.AsTracking()
            .Where(k => k.Xml != null && k.Xml.Contains("requiresEncryption") && !k.Xml.Contains(DataProtectionKeyEncryption.ElementName))
            .ToListAsync(cancellationToken);
        if (clear.Count == 0)
        {
            return;
        }

        var encryptor = new DataProtectionKeyEncryption(() => kek);
        foreach (var key in clear)
        {
            var xml = XElement.Parse(key.Xml!);
            foreach (var secret in xml.Descendants().Where(e => (bool?)e.Attribute(DataProtection + "requiresEncryption") == true).ToList())
            {
                var encrypted = encryptor.Encrypt(secret);
                secret.ReplaceWith(new XElement(
                    DataProtection + "encryptedSecret",
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                    encrypted.EncryptedElement));
            }

            key.Xml = xml.ToString(SaveOptions.DisableFormatting);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Data protection writes every new key encrypted with the key-encryption key.</summary>
    public static IDataProtectionBuilder EncryptKeys(IDataProtectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new DataProtectionKeyEncryption(provider.GetRequiredService<IKeyEncryptionKey>)));
        return builder;
    }
}
