using System.CommandLine;

using Roster.Bench.Reporting;

namespace Roster.Bench.Cli;

/// <summary>
/// <c>roster-bench compare</c>: reads the <c>--json</c> reports of one run against several servers
/// (the server measured, the physical ceiling, a reference peer) and prints, per phase, the
/// subject's figures and its ratios to the others, with the targets each ratio must meet.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        Option<FileInfo> subject = new("--subject") { Description = "The report of the server measured (Roster)", HelpName = "file", Required = true };
        Option<FileInfo?> ceiling = new("--ceiling") { Description = "The report of the physical ceiling (a minimal endpoint over memory)", HelpName = "file" };
        Option<FileInfo?> peer = new("--peer") { Description = "The report of the reference peer", HelpName = "file" };

        Command command = new("compare", "Compare the JSON reports of one run against several servers, phase by phase.");
        command.Options.Add(subject);
        command.Options.Add(ceiling);
        command.Options.Add(peer);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                BenchReport measured = await BenchReport.ReadAsync(parsed.GetRequiredValue(subject).FullName, cancellationToken);
                BenchReport? limit = parsed.GetValue(ceiling) is FileInfo c ? await BenchReport.ReadAsync(c.FullName, cancellationToken) : null;
                BenchReport? reference = parsed.GetValue(peer) is FileInfo p ? await BenchReport.ReadAsync(p.FullName, cancellationToken) : null;
                ComparisonTable.Write(Console.Out, measured, limit, reference);
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
}
