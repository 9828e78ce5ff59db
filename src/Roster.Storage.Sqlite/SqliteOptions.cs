using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Roster.Storage.Sqlite;

/// <summary>The EF Core options of the SQLite store, shared by the application and the design-time tools.</summary>
internal static class SqliteOptions
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteOptions).Assembly.GetName().Name))
            .AddInterceptors(new SqliteConnectionSetup(), new Directory.Database.TracedCommands())
            .ReplaceService<IModelCustomizer, SqliteModelCustomizer>()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
}
