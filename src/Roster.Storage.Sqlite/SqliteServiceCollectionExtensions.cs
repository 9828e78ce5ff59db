using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Storage.Sqlite;

/// <summary>Registers SQLite as the directory's database.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Uses the SQLite file at <paramref name="pathOrConnectionString"/> (a path or a connection
    /// string): a pooled <see cref="RosterDbContext"/> factory with this assembly's migrations,
    /// the SQLite dialect for generated SQL, and a write gate that queues this process's writers.
    /// Call <see cref="RosterDatabase.MigrateAsync"/> at start to create or upgrade the file.
    /// </summary>
    public static IServiceCollection AddRosterSqlite(this IServiceCollection services, string pathOrConnectionString)
    {
        var connectionString = SqliteConnectionStrings.From(pathOrConnectionString);
        services.AddPooledDbContextFactory<RosterDbContext>((provider, options) =>
            SqliteOptions.Configure(options, connectionString, provider.GetService<SqliteCheckpointer>()?.Options.MaxWalPages));
        services.Replace(ServiceDescriptor.Singleton<ISqlDialect, SqliteDialect>());
        services.Replace(ServiceDescriptor.Singleton<IWriteGate, SqliteWriteGate>());
        return services;
    }

    /// <summary>
    /// Moves the WAL's checkpoints off the request path (<see cref="SqliteCheckpointer"/>, a
    /// singleton whose <see cref="SqliteCheckpointer.RunAsync"/> the host runs in the background),
    /// for the server; after <see cref="AddRosterSqlite"/>, on the same database. Nothing when
    /// <see cref="SqliteCheckpointOptions.Enabled"/> is off.
    /// </summary>
    public static IServiceCollection AddRosterSqliteCheckpoints(this IServiceCollection services, string pathOrConnectionString, SqliteCheckpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return services;
        }

        var connectionString = SqliteConnectionStrings.From(pathOrConnectionString);
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            // A database in memory has no file to checkpoint.
            return services;
        }

        services.AddSingleton(provider => new SqliteCheckpointer(
            connectionString,
            options,
            provider.GetRequiredService<IWriteGate>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetRequiredService<ILogger<SqliteCheckpointer>>()));
        return services;
    }
}
