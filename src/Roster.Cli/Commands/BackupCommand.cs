using System.CommandLine;
using Roster.Server.Hosting;
using Roster.Server.Keys;
using Roster.Storage.Sqlite;

namespace Roster.Cli.Commands;

/// <summary>
/// <c>roster backup --to FILE</c> and <c>roster restore --from FILE</c>: copies of a SQLite directory
/// taken while Roster serves (SQLite's online backup), and their return. PostgreSQL has its own
/// tools (<c>pg_dump</c>, see docs/operations.md).
/// </summary>
public static class BackupCommand
{
    public static Command CreateBackup()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var to = new Option<string>("--to") { Description = "The backup file to write (replaced if it exists); readable by its owner only.", Required = true };
        var command = new Command("backup", "Copy the SQLite database while Roster serves, as it is at one moment, and check the copy.") { data, to, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (Sqlite(parse.GetValue(data)!) is not { } database)
            {
                return await NotSqliteAsync();
            }

            var target = Path.GetFullPath(parse.GetValue(to)!);
            var integrity = await SqliteBackup.BackupAsync(database, target, cancellationToken);
            if (integrity != "ok")
            {
                await Console.Error.WriteLineAsync($"The backup {target} fails its integrity check: {integrity}");
                return CliErrors.ExitCode;
            }

            var keyFile = KeyEncryptionKeys.DefaultPath(RosterStorage.Sqlite(database));
            if (parse.GetValue(json))
            {
                Output.Json(new { file = target, bytes = new FileInfo(target).Length, integrity });
            }
            else
            {
                Console.WriteLine($"Backed up to {target} ({new FileInfo(target).Length:N0} bytes); integrity check: ok.");
                Console.WriteLine($"The keys in it are encrypted: keep the key-encryption key (Roster:Keys, by default {keyFile}) too, apart from the backup.");
            }

            return 0;
        });
        return command;
    }

    public static Command CreateRestore()
    {
        var data = CommonOptions.Data();
        var from = new Option<string>("--from") { Description = "The backup file 'roster backup' wrote.", Required = true };
        var command = new Command("restore", "Replace the SQLite database with a backup. Stop 'roster serve' first.") { data, from };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (Sqlite(parse.GetValue(data)!) is not { } database)
            {
                return await NotSqliteAsync();
            }

            var backup = Path.GetFullPath(parse.GetValue(from)!);
            var integrity = await SqliteBackup.IntegrityCheckAsync(backup, cancellationToken);
            if (integrity != "ok")
            {
                await Console.Error.WriteLineAsync($"Not restored: the backup {backup} fails its integrity check: {integrity}");
                return CliErrors.ExitCode;
            }

            await SqliteBackup.RestoreAsync(backup, database, cancellationToken);
            Console.WriteLine($"Restored {backup} into {database}. The next 'roster serve' upgrades its schema if it is older; it needs the key-encryption key the backup's keys were encrypted with.");
            return 0;
        });
        return command;
    }

    /// <summary>The SQLite database of the configuration and <c>--data</c>; null on PostgreSQL.</summary>
    private static string? Sqlite(string data) =>
        RosterStorage.From(new ConfigurationBuilder().AddEnvironmentVariables().Build(), data).SqliteDatabase;

    private static async Task<int> NotSqliteAsync()
    {
        await Console.Error.WriteLineAsync("backup and restore copy a SQLite database; on PostgreSQL use pg_dump and pg_restore (see docs/operations.md, \"Backups and restore\").");
        return CliErrors.ExitCode;
    }
}
