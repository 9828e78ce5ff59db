using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Roster.Storage.Postgres;

/// <summary>The EF Core options of the PostgreSQL store, shared by the application and the design-time tools.</summary>
internal static class PostgresOptions
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresOptions).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, PostgresModelCustomizer>()
            .ReplaceService<IMigrationsSqlGenerator, PostgresMigrationsSqlGenerator>()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
}
