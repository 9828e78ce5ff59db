using Roster.Directory.Database;
using Roster.Storage.Postgres;
using Roster.Storage.Sqlite;

namespace Roster.Server.Hosting;

/// <summary>
/// Which database the directory lives in: the one place that chooses the storage provider, from
/// <c>Storage:Provider</c> (<c>sqlite</c> by default, or <c>postgres</c>) and
/// <c>Storage:ConnectionString</c>, for the server and every CLI command alike.
/// </summary>
/// <param name="Provider">The provider.</param>
/// <param name="ConnectionString">A SQLite file path or connection string, or an Npgsql connection string.</param>
public sealed record RosterStorage(StorageProvider Provider, string ConnectionString)
{
    public const string SectionName = "Storage";
    public const string DefaultSqliteFile = "roster.db";

    public static RosterStorage Sqlite(string pathOrConnectionString) => new(StorageProvider.Sqlite, pathOrConnectionString);

    public static RosterStorage Postgres(string connectionString) => new(StorageProvider.Postgres, connectionString);

    /// <summary>
    /// The storage configured in <paramref name="configuration"/>. <paramref name="data"/> (the CLI's
    /// <c>--data</c>, <c>ROSTER_DATA</c>), when given, takes the place of <c>Storage:ConnectionString</c>.
    /// </summary>
    public static RosterStorage From(IConfiguration configuration, string? data = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var connectionString = string.IsNullOrWhiteSpace(data) ? section["ConnectionString"] : data;
        var provider = section["Provider"];
        switch (provider?.Trim().ToUpperInvariant())
        {
            case null or "" or "SQLITE":
                return Sqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteFile : connectionString);
            case "POSTGRES" or "POSTGRESQL":
                if (string.IsNullOrWhiteSpace(connectionString) || !connectionString.Contains('=', StringComparison.Ordinal))
                {
                    throw new StorageConfigurationException(
                        $"{SectionName}:Provider is postgres, so {SectionName}:ConnectionString (or --data) must be an Npgsql connection string " +
                        $"such as \"Host=db.example.com;Database=roster;Username=roster;Password=...\"; it is \"{connectionString}\".");
                }

                return Postgres(connectionString);
            default:
                throw new StorageConfigurationException($"{SectionName}:Provider must be 'sqlite' or 'postgres'; it is '{provider}'.");
        }
    }

    /// <summary>The SQLite file's setting, for defaults placed beside it; null on PostgreSQL.</summary>
    public string? SqliteDatabase => Provider == StorageProvider.Sqlite ? ConnectionString : null;

    /// <summary>Registers the provider's database services (after <c>AddRosterDirectory</c>).</summary>
    public IServiceCollection AddTo(IServiceCollection services) => Provider switch
    {
        StorageProvider.Postgres => services.AddRosterPostgres(ConnectionString),
        _ => services.AddRosterSqlite(ConnectionString),
    };

    /// <summary>
    /// Creates or upgrades the schema; safe on every start, on either provider. Users whose stored
    /// userNames turn out to be one under the current rules are named in a warning: rename one of each pair.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var kept = await services.GetRequiredService<DirectoryDatabase>().MigrateAsync(cancellationToken);
        var logger = (services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger<RosterStorage>();
        foreach (var (tenantId, userId) in kept)
        {
            StorageLog.UserNameClash(logger, userId, tenantId);
        }
    }

    // The connection string may hold a password: never print it.
    public override string ToString() => $"{Provider}";
}
