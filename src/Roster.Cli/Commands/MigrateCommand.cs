using System.CommandLine;

namespace Roster.Cli.Commands;

/// <summary><c>roster migrate</c>: creates or upgrades the database schema.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var command = new Command("migrate", "Create the database or apply pending schema migrations.") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(data)!, cancellationToken);
            Console.WriteLine("The database is up to date.");
            return 0;
        });
        return command;
    }
}
