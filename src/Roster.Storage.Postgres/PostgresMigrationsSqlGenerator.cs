using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations;

namespace Roster.Storage.Postgres;

/// <summary>
/// Puts Roster's SQL functions (<see cref="PostgresFunctions"/>) at the start of every migration,
/// as CREATE OR REPLACE: the migrations stay exactly as <c>dotnet ef migrations add</c> writes
/// them (so InitialCreate can be regenerated at will), and a database that is upgraded gets the
/// case-folding table of the .NET it now runs on.
/// </summary>
#pragma warning disable EF1001 // NpgsqlSingletonOptions is internal API, but the base class needs it.
public sealed class PostgresMigrationsSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, INpgsqlSingletonOptions options)
    : NpgsqlMigrationsSqlGenerator(dependencies, options)
#pragma warning restore EF1001
{
    public override IReadOnlyList<MigrationCommand> Generate(IReadOnlyList<MigrationOperation> operations, IModel? model = null, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(operations);

        // The history table is created outside the migration lock (several nodes may start at once):
        // the functions come with the migrations themselves, which run one node at a time.
        if (operations.All(o => o is EnsureSchemaOperation or CreateTableOperation { Name: HistoryRepository.DefaultTableName }))
        {
            return base.Generate(operations, model, options);
        }

        MigrationOperation[] functions = [new SqlOperation { Sql = PostgresFunctions.CreateFold() }, new SqlOperation { Sql = PostgresFunctions.CreateInstant() }];
        return base.Generate([.. functions, .. operations], model, options);
    }
}
