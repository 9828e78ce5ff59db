using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Storage.Postgres;

/// <summary>Registers PostgreSQL as the directory's database.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Uses the PostgreSQL database of <paramref name="connectionString"/> (an Npgsql connection
    /// string, e.g. <c>Host=db;Database=roster;Username=roster;Password=...</c>, with automatic
    /// preparation on unless it says otherwise, see <see cref="PostgresConnectionStrings"/>): a pooled
    /// <see cref="RosterDbContext"/> factory with this assembly's migrations and the PostgreSQL
    /// dialect. No write gate: PostgreSQL has many writers, and several Roster nodes may share
    /// one database. Call <see cref="DirectoryDatabase.MigrateAsync"/> at start to create or upgrade the schema.
    /// </summary>
    public static IServiceCollection AddRosterPostgres(this IServiceCollection services, string connectionString)
    {
        var prepared = PostgresConnectionStrings.From(connectionString);
        services.AddPooledDbContextFactory<RosterDbContext>(options => PostgresOptions.Configure(options, prepared));
        services.Replace(ServiceDescriptor.Singleton<ISqlDialect, PostgresDialect>());
        services.Replace(ServiceDescriptor.Singleton<IWriteGate, OpenWriteGate>());
        return services;
    }
}
