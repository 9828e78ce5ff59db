using Roster.Directory;
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
        var provider = services.BuildServiceProvider();
        await RosterDatabase.MigrateAsync(provider, cancellationToken);
        return provider;
    }
}
