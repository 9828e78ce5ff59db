using Roster.Directory;
using Roster.Directory.Mail;
using Roster.Server.Hosting;
using Roster.Storage.Sqlite;

namespace Roster.Cli.Commands;

/// <summary>The directory's services for commands that work on the database without serving HTTP.</summary>
public static class CliServices
{
    public static async Task<ServiceProvider> OpenAsync(string database, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddRosterDirectory();
        services.AddRosterSqlite(database);

        // Invitations sent from the CLI go where the server's would: the same Roster:Mail settings,
        // here from environment variables (Roster__Mail__PickupFolder, Roster__Mail__Smtp__Host, ...).
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        services.AddRosterMail(MailConfiguration.Read(configuration, database));
        services.AddSingleton(DnsConfiguration.Read(configuration));
        var provider = services.BuildServiceProvider();
        await RosterDatabase.MigrateAsync(provider, cancellationToken);
        return provider;
    }
}
