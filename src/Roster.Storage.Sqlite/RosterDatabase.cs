using Microsoft.Extensions.DependencyInjection;
using Roster.Directory.Database;

namespace Roster.Storage.Sqlite;

/// <summary>The migrate entry point of the SQLite store, for the server's start and the CLI's <c>init</c> and <c>migrate</c>.</summary>
public static class RosterDatabase
{
    /// <summary>
    /// Creates the SQLite file (and its folder) if needed and applies every pending migration of
    /// this assembly, using the services of <c>AddRosterDirectory</c> and
    /// <see cref="SqliteServiceCollectionExtensions.AddRosterSqlite"/>. Safe to call on every start;
    /// writers of this process wait while it runs.
    /// </summary>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<DirectoryDatabase>().MigrateAsync(cancellationToken);
    }
}
