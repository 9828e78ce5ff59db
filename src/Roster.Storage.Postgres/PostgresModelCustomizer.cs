using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Roster.Storage.Postgres;

/// <summary>
/// PostgreSQL's storage of the provider-agnostic model: GUIDs and times keep Npgsql's native
/// uuid and timestamptz; resource documents are jsonb (ARCHITECTURE decision 2); every other text
/// column uses the "C" collation, so comparisons and ORDER BY go by code point as SQLite's
/// BINARY and <see cref="Roster.Scim.Filtering.ScimStringComparison"/> do, whatever locale the
/// database was created with.
/// </summary>
public sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public const string DocumentColumn = "document";

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.Customize(modelBuilder, context);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                if (property.GetColumnName() == DocumentColumn)
                {
                    property.SetColumnType("jsonb");
                }
                else
                {
                    property.SetCollation("C");
                }
            }
        }
    }
}
