using System.CommandLine;

using Roster.Bench.Running;

namespace Roster.Bench.Cli;

/// <summary><c>roster-bench run</c>: the IdP-like sync cycle, phase by phase.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        SharedOptions shared = new();
        Option<int> groups = CountOption.Create("--groups", 10, 0, "Groups to create");
        Option<int> lookups = CountOption.Create("--lookups", 20_000, 0, "userName eq lookups to send");
        Option<int> bigGroupMembers = CountOption.Create("--big-group-members", 100_000, 1, "Members to fill the big group with");
        Option<IReadOnlyList<BenchPhase>?> phases = PhaseListOption.Create();

        Command command = new("run", "Run the benchmark phases against a running SCIM server.");
        shared.AddTo(command);
        command.Options.Add(groups);
        command.Options.Add(lookups);
        command.Options.Add(phases);
        command.Options.Add(bigGroupMembers);

        command.SetAction((parsed, cancellationToken) =>
        {
            BenchSettings settings = new()
            {
                Mode = BenchMode.Run,
                BaseUrl = parsed.GetRequiredValue(shared.BaseUrl),
                Token = parsed.GetRequiredValue(shared.Token),
                Users = parsed.GetValue(shared.Users),
                Concurrency = parsed.GetValue(shared.Concurrency),
                RequestTimeout = TimeSpan.FromSeconds(parsed.GetValue(shared.TimeoutSeconds)),
                PhaseTimeout = TimeSpan.FromSeconds(parsed.GetValue(shared.PhaseTimeoutSeconds)),
                ServerPid = parsed.GetValue(shared.ServerPid),
                JsonPath = parsed.GetValue(shared.JsonPath),
                Groups = parsed.GetValue(groups),
                Lookups = parsed.GetValue(lookups),
                Phases = parsed.GetValue(phases) ?? PhaseListOption.AllPhases,
                BigGroupMembers = parsed.GetValue(bigGroupMembers),
            };
            return BenchRun.ExecuteAsync(settings, CommandLineText.Redacted(parsed.Tokens), Console.Out, cancellationToken);
        });
        return command;
    }
}
