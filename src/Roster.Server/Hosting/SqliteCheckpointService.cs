using Roster.Storage.Sqlite;

namespace Roster.Server.Hosting;

/// <summary>
/// Runs the SQLite checkpointer (<see cref="SqliteCheckpointer"/>) for the server's life, so that
/// no request's commit copies the WAL into the database; registered by
/// <see cref="AddSqliteCheckpoints"/> on SQLite only.
/// </summary>
public sealed class SqliteCheckpointService(SqliteCheckpointer checkpointer) : BackgroundService
{
    /// <summary>
    /// Registers the checkpointer and this service when the storage is SQLite and
    /// <c>Storage:SqliteCheckpoints:Enabled</c> is not <c>false</c>.
    /// </summary>
    public static void AddSqliteCheckpoints(IServiceCollection services, IConfiguration configuration, RosterStorage storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.SqliteDatabase is not { } database)
        {
            return;
        }

        var options = configuration.GetSection(RosterStorage.SectionName).Get<StorageOptions>()?.SqliteCheckpoints ?? new SqliteCheckpointOptions();
        services.AddRosterSqliteCheckpoints(database, options);
        if (services.Any(service => service.ServiceType == typeof(SqliteCheckpointer)))
        {
            services.AddHostedService<SqliteCheckpointService>();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the first checkpoint may copy what an earlier process left in the WAL.
        await Task.Yield();
        await checkpointer.RunAsync(stoppingToken);
    }
}
