using System.CommandLine;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Keys;
using Roster.Server.Hosting;
using Roster.Server.Keys;
using Roster.Server.OAuth;
using Roster.Server.Settings;

namespace Roster.Cli.Commands;

/// <summary>
/// <c>roster config check</c>: reads the configuration exactly as <c>roster serve</c> would
/// (appsettings.json beside the executable, environment variables, <c>--data</c>), validates every
/// setting, names the keys that are no setting, and checks the database and the keys, without
/// serving and without changing anything.
/// </summary>
public static class ConfigCommand
{
    public static Command Create() => new("config", "Check Roster's configuration.") { Check() };

    /// <summary>Writes each problem on stderr; the exit code when there is one, else null.</summary>
    public static async Task<int?> ReportAsync(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync(problem);
        }

        return problems.Count == 0 ? null : CliErrors.ExitCode;
    }

    private static Command Check()
    {
        var data = CommonOptions.Data();
        var command = new Command("check", "Validate every setting, name unknown ones, and check the database and keys; changes nothing.") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = RosterWebApplication.ReadConfiguration();
            var problems = SettingsCheck.Problems(configuration).ToList();
            problems.AddRange(RosterSettings.Unknown(configuration).Select(k => $"{k} is not a Roster setting; Roster ignores it. The settings are listed in docs/operations.md."));
            Console.WriteLine(problems.Count == 0 ? $"Settings: ok ({RosterSettings.All.Count} known)." : $"Settings: {problems.Count} problems.");
            if (problems.Count > 0)
            {
                return (await ReportAsync(problems))!.Value;
            }

            var app = RosterWebApplication.Create(parse.GetValue(data)!, urls: null);
            await using (app)
            {

                var storage = app.Services.GetRequiredService<RosterStorage>();
                SchemaState schema;
                try
                {
                    schema = await app.Services.GetRequiredService<DirectoryDatabase>().SchemaStateAsync(cancellationToken);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
                {
                    return (await ReportAsync([$"Database ({storage}): unreachable: {e.Message}"]))!.Value;
                }

                Console.WriteLine($"Database ({storage}): reachable; " + schema switch
                {
                    { Unknown: > 0 } => $"its schema is newer than this Roster ({schema.Unknown} migrations it does not know).",
                    { Pending: > 0 } => $"{schema.Pending} migrations pending ('roster serve' or 'roster migrate' applies them).",
                    _ => "schema current.",
                });
                if (schema.Unknown > 0)
                {
                    return CliErrors.ExitCode;
                }

                if (schema.Pending > 0 || !ServerKeys.HoldsEncryptedKeys(app.Services.GetRequiredService<DirectoryDatabase>()))
                {
                    Console.WriteLine($"Keys: none encrypted yet; the first start makes them with the key-encryption key of Roster:Keys (by default {KeyEncryptionKeys.DefaultPath(storage)}).");
                    return 0;
                }

                ServerKeys keys;
                try
                {
                    keys = app.Services.GetRequiredService<ServerKeys>();
                    keys.Load(OAuthServerSetup.KeyRetention);
                }
                catch (KeyUnavailableException e)
                {
                    return (await ReportAsync([$"Keys: {e.Message}"]))!.Value;
                }

                Console.WriteLine($"Keys: decrypt with key-encryption key {keys.KeyEncryptionKeyId}.");
                return 0;
            }
        });
        return command;
    }
}
