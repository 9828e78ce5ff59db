using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Roster.Directory.Database;

namespace Roster.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the server.</summary>
public sealed class DesignTimeRosterDbContextFactory : IDesignTimeDbContextFactory<RosterDbContext>
{
    public RosterDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RosterDbContext>();
        SqliteOptions.Configure(options, "Data Source=roster-design.db");
        return new RosterDbContext(options.Options);
    }
}
