using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Roster.Storage.Sqlite;

/// <summary>The EF Core options of the SQLite store, shared by the application and the design-time tools.</summary>
internal static class SqliteOptions
{
#pragma warning disable EF1001 // See SqliteRelationalConnectionWithoutFunctions: EF's SQLite connection, minus its per-open functions.
    /// <param name="options">The builder to configure.</param>
    /// <param name="connectionString">The SQLite connection string.</param>
    /// <param name="walAutocheckpointPages">Where a background checkpointer runs, SQLite's automatic checkpoint threshold (see <see cref="SqliteConnectionSetup"/>).</param>
    public static void Configure(DbContextOptionsBuilder options, string connectionString, int? walAutocheckpointPages = null) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteOptions).Assembly.GetName().Name))
            .AddInterceptors(new SqliteConnectionSetup(walAutocheckpointPages), new Directory.Database.TracedCommands())
            .ReplaceService<IModelCustomizer, SqliteModelCustomizer>()
            .ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, SqliteRelationalConnectionWithoutFunctions>()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
#pragma warning restore EF1001
}
