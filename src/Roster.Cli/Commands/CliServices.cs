using Microsoft.AspNetCore.DataProtection;
using Roster.Directory;
using Roster.Directory.Mail;
using Roster.Server.Events;
using Roster.Server.Hosting;
using Roster.Server.Keys;

namespace Roster.Cli.Commands;

/// <summary>The directory's services for commands that work on the database without serving HTTP.</summary>
public static class CliServices
{
    /// <summary>
    /// The directory on <paramref name="database"/>, migrated. With <paramref name="keys"/>, also the
    /// keys at rest (<c>Roster:Keys</c>): the key-encryption key is found and the OAuth keys decrypt,
    /// or the command stops with what is missing.
    /// </summary>
    public static async Task<ServiceProvider> OpenAsync(string database, CancellationToken cancellationToken, bool keys = false)
    {
        // The storage and the mail settings are the server's (Storage__Provider, Roster__Mail__PickupFolder,
        // Roster__Mail__Smtp__Host, ...), here from environment variables, so that invitations sent
        // from the CLI go where the server's would.
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var storage = RosterStorage.From(configuration, database);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddRosterEvents(configuration, storage, send: false);
        services.AddRosterDirectory();
        storage.AddTo(services);

        // Webhook secrets are encrypted with the data-protection keys the server keeps in the
        // database, themselves encrypted with the key-encryption key: read them as the server does.
        // Without the key-encryption key the CLI could not read them, made a key of its own, stored
        // it in clear, and running nodes (whose key ring is loaded) failed to sign with it.
        KeysAtRest.EncryptKeys(services.AddDataProtection().SetApplicationName("Roster").PersistKeysToDbContext<Roster.Directory.Database.RosterDbContext>());
        services.AddRosterMail(MailConfiguration.Read(configuration, storage.SqliteDatabase));
        services.AddSingleton(DnsConfiguration.Read(configuration));
        if (keys)
        {
            KeysAtRest.AddRosterKeys(services, configuration, storage);
        }
        else
        {
            KeysAtRest.AddKeyEncryptionKey(services, configuration, storage);
        }

        var provider = services.BuildServiceProvider();
        await RosterStorage.MigrateAsync(provider, cancellationToken);
        return provider;
    }
}
