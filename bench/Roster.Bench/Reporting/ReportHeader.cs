using System.Runtime.InteropServices;

using Roster.Bench.Running;

namespace Roster.Bench.Reporting;

/// <summary>The lines above a report that say what was measured, on what, and how it was asked for.</summary>
internal static class ReportHeader
{
    public static void Write(TextWriter output, BenchSettings settings, PhasePlan plan, BenchNames names, string commandLine)
    {
        output.WriteLine($"roster-bench {BenchModeNames.Of(settings.Mode)}, run {names.RunId}, started {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
        output.WriteLine($"  command line : {commandLine}");
        output.WriteLine($"  machine      : {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
        output.WriteLine($"  target       : {settings.BaseUrl}");
        output.WriteLine($"  load         : concurrency {settings.Concurrency}, request timeout {settings.RequestTimeout.TotalSeconds:0.#} s, phase timeout {settings.PhaseTimeout.TotalSeconds:0} s");
        output.WriteLine($"  phases       : {string.Join(", ", plan.Phases.Select(phase => Describe(phase, settings, plan)))}");
        foreach (string note in plan.Notes)
        {
            output.WriteLine($"  note         : {note}");
        }

        if (settings.ServerPid is int pid)
        {
            output.WriteLine($"  server pid   : {pid} (VmRSS polled every 200 ms from /proc/{pid}/status)");
        }
    }

    private static string Describe(BenchPhase phase, BenchSettings settings, PhasePlan plan)
    {
        string name = BenchPhaseNames.Of(phase);
        return phase switch
        {
            BenchPhase.Create => $"{name} ({plan.UsersToCreate} users)",
            BenchPhase.Lookup when settings.SeededUsers > 0 => $"{name} ({settings.Lookups} of {settings.SeededUsers} seeded users)",
            BenchPhase.Lookup => $"{name} ({settings.Lookups})",
            BenchPhase.BigMember when settings.SeededUsers > 0 => $"{name} ({SeededDirectory.BigGroupName}, {settings.BigGroupMembers} seeded members)",
            BenchPhase.Groups => $"{name} ({settings.Groups})",
            BenchPhase.BigMember => $"{name} ({settings.BigGroupMembers} members)",
            _ => name,
        };
    }
}
