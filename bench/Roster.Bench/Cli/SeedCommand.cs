using System.CommandLine;

using Roster.Bench.Running;

namespace Roster.Bench.Cli;

/// <summary><c>roster-bench seed</c>: only creates users, as fast as the server takes them, to fill a database for big tests.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        SharedOptions shared = new();
        Command command = new("seed", "Only create users, at full speed (ids are not kept, so millions fit).");
        shared.AddTo(command);

        command.SetAction((parsed, cancellationToken) =>
        {
            BenchSettings settings = new()
            {
                Mode = BenchMode.Seed,
                BaseUrl = parsed.GetRequiredValue(shared.BaseUrl),
                Token = parsed.GetRequiredValue(shared.Token),
                Users = parsed.GetValue(shared.Users),
                Concurrency = parsed.GetValue(shared.Concurrency),
                RequestTimeout = TimeSpan.FromSeconds(parsed.GetValue(shared.TimeoutSeconds)),
                PhaseTimeout = TimeSpan.FromSeconds(parsed.GetValue(shared.PhaseTimeoutSeconds)),
                ServerPid = parsed.GetValue(shared.ServerPid),
                JsonPath = parsed.GetValue(shared.JsonPath),
                Groups = 0,
                Lookups = 0,
                Phases = [BenchPhase.Create],
                BigGroupMembers = 0,
            };
            return BenchRun.ExecuteAsync(settings, CommandLineText.Redacted(parsed.Tokens), Console.Out, cancellationToken);
        });
        return command;
    }
}
