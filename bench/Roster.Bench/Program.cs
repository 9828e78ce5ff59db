using System.CommandLine;

using Roster.Bench.Cli;

InvocationConfiguration invocation = new()
{
    // Ctrl+C cancels the running phase; this leaves time to print the partial report and write the JSON.
    ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
};

return await BenchCommandLine.Create().Parse(args).InvokeAsync(invocation);
