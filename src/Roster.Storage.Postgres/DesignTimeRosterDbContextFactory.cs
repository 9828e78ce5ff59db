using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Roster.Directory.Database;

namespace Roster.Storage.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add --project src/Roster.Storage.Postgres</c> build the PostgreSQL
/// model without the server; adding a migration never connects, so the connection string is a placeholder.
/// </summary>
public sealed class DesignTimeRosterDbContextFactory : IDesignTimeDbContextFactory<RosterDbContext>
{
    public RosterDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RosterDbContext>();
        PostgresOptions.Configure(options, "Host=localhost;Database=roster_design");
        return new RosterDbContext(options.Options);
    }
}
