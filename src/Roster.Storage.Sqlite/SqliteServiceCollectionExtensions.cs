using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.AddPooledDbContextFactory<RosterDbContext>(options => SqliteOptions.Configure(options, connectionString));
        services.Replace(ServiceDescriptor.Singleton<ISqlDialect, SqliteDialect>());
        services.Replace(ServiceDescriptor.Singleton<IWriteGate, SqliteWriteGate>());
        return services;
    }
}
