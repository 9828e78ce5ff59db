using Roster.Bench.Measurement;
using Roster.Bench.Phases;
using Roster.Bench.Reporting;
using Roster.Bench.Scim;

namespace Roster.Bench.Running;

/// <summary>One benchmark run: header, warm-up, the planned phases in order, then the report and JSON.</summary>
internal static class BenchRun
{
    /// <returns>0 when every phase ran, 1 when the server never answered, 130 when stopped by Ctrl+C.</returns>
    public static async Task<int> ExecuteAsync(BenchSettings settings, string commandLine, TextWriter output, CancellationToken cancellationToken)
    {
        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        BenchNames names = BenchNames.ForNewRun();
        PhasePlan plan = PhasePlan.Resolve(settings);
        ReportHeader.Write(output, settings, plan, names, commandLine);

        using ScimClient client = new(settings.BaseUrl, settings.Token, settings.Concurrency, settings.RequestTimeout);
        await using ServerMemoryMonitor? memory = settings.ServerPid is int pid ? ServerMemoryMonitor.TryStart(pid, output) : null;
        using BenchContext context = new()
        {
            Settings = settings,
            Plan = plan,
            Names = names,
            Client = client,
            Output = output,
            Memory = memory,
            RunCancellation = cancellationToken,
        };

        output.WriteLine();
        output.WriteLine(PhaseLine.Header);
        bool reachable = await WarmUp.RunAsync(context, cancellationToken);
        foreach (BenchPhase phase in plan.Phases)
        {
            if (!reachable || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            await RunPhaseAsync(phase, context, cancellationToken);
        }

        bool interrupted = cancellationToken.IsCancellationRequested;
        ServerMemoryReport? memoryReport = memory?.Report();
        ReportSummary.Write(output, names.RunId, context.Results, memoryReport, settings.Concurrency, interrupted);
        if (settings.JsonPath is string jsonPath)
        {
            BenchReport report = new()
            {
                RunId = names.RunId,
                Mode = BenchModeNames.Of(settings.Mode),
                StartedAt = startedAt,
                FinishedAt = DateTimeOffset.UtcNow,
                ProcessorCount = Environment.ProcessorCount,
                CommandLine = commandLine,
                BaseUrl = settings.BaseUrl.AbsoluteUri,
                Concurrency = settings.Concurrency,
                Phases = [.. plan.Phases.Select(BenchPhaseNames.Of)],
                Interrupted = interrupted,
                Results = context.Results,
                ServerMemory = memoryReport,
            };
            await WriteJsonAsync(report, jsonPath, output);
        }

        return interrupted ? 130 : reachable ? 0 : 1;
    }

    private static async Task RunPhaseAsync(BenchPhase phase, BenchContext context, CancellationToken cancellationToken)
    {
        // list limits each of its walks itself.
        if (phase == BenchPhase.List)
        {
            await ListPhase.RunAsync(context, cancellationToken);
            return;
        }

        using CancellationTokenSource phaseLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        phaseLimit.CancelAfter(context.Settings.PhaseTimeout);
        await RunPhaseUntilAsync(phase, context, phaseLimit.Token);
    }

    private static Task RunPhaseUntilAsync(BenchPhase phase, BenchContext context, CancellationToken cancellationToken)
    {
        return phase switch
        {
            BenchPhase.Create => CreateUsersPhase.RunAsync(context, cancellationToken),
            BenchPhase.Lookup => LookupPhase.RunAsync(context, cancellationToken),
            BenchPhase.Get => GetUsersPhase.RunAsync(context, cancellationToken),
            BenchPhase.Patch => PatchUsersPhase.RunAsync(context, cancellationToken),
            BenchPhase.Groups => CreateGroupsPhase.RunAsync(context, cancellationToken),
            BenchPhase.Members => AddMembersPhase.RunAsync(context, cancellationToken),
            BenchPhase.List => ListPhase.RunAsync(context, cancellationToken),
            BenchPhase.BigMember => BigGroupPhase.RunAsync(context, cancellationToken),
            BenchPhase.RoleMap => RoleMapPhase.RunAsync(context, cancellationToken),
            BenchPhase.Bulk => BulkPhase.RunAsync(context, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown phase."),
        };
    }

    private static async Task WriteJsonAsync(BenchReport report, string path, TextWriter output)
    {
        try
        {
            await report.WriteAsync(path);
            output.WriteLine($"  json report          : {Path.GetFullPath(path)}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"  json report          : not written to {path}: {exception.Message}");
        }
    }
}
