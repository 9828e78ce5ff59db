using System.CommandLine;

using Roster.Bench.Reporting;

namespace Roster.Bench.Cli;

/// <summary>
/// <c>roster-bench compare</c>: reads the <c>--json</c> reports of one run against several servers
/// (the server measured, the physical ceiling, a reference peer) and prints, per phase, the
/// subject's figures and its ratios to the others, with the targets each ratio must meet. Given
/// several reports of each (rounds, each server measured in turn within a round), it pairs them by
/// round and prints the medians: on a shared machine whose speed drifts, the ratio of two servers
/// measured back to back is steadier than either figure.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        Option<FileInfo[]> subject = new("--subject") { Description = "The report of the server measured (Roster); once per round", HelpName = "file", Required = true };
        Option<FileInfo[]> ceiling = new("--ceiling") { Description = "The report of the physical ceiling (a minimal endpoint over memory); once per round", HelpName = "file" };
        Option<FileInfo[]> peer = new("--peer") { Description = "The report of the reference peer; once per round", HelpName = "file" };

        Command command = new("compare", "Compare the JSON reports of one run against several servers, phase by phase.");
        command.Options.Add(subject);
        command.Options.Add(ceiling);
        command.Options.Add(peer);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            FileInfo[] subjects = parsed.GetRequiredValue(subject);
            FileInfo[] ceilings = parsed.GetValue(ceiling) ?? [];
            FileInfo[] peers = parsed.GetValue(peer) ?? [];
            if ((ceilings.Length > 0 && ceilings.Length != subjects.Length) || (peers.Length > 0 && peers.Length != subjects.Length))
            {
                await Console.Error.WriteLineAsync($"Give as many --ceiling and --peer reports as --subject reports (one per round): {subjects.Length} subject, {ceilings.Length} ceiling, {peers.Length} peer.");
                return 2;
            }

            try
            {
                ComparisonTable.Write(Console.Out, await ReadAllAsync(subjects, cancellationToken), await ReadAllAsync(ceilings, cancellationToken), await ReadAllAsync(peers, cancellationToken));
                return 0;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                await Console.Error.WriteLineAsync($"Cannot read a report: {exception.Message}");
                return 2;
            }
        });
        return command;
    }

    private static async Task<IReadOnlyList<BenchReport>> ReadAllAsync(FileInfo[] files, CancellationToken cancellationToken)
    {
        List<BenchReport> reports = [];
        foreach (FileInfo file in files)
        {
            reports.Add(await BenchReport.ReadAsync(file.FullName, cancellationToken));
        }

        return reports;
    }
}
