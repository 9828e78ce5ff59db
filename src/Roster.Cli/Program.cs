using System.CommandLine;
using Roster.Cli.Commands;
using Roster.Server.Hosting;

// A storage setting that names no usable database is the operator's to fix: one line, exit code 2,
// like the commands' other expected failures. Anything else is reported as before.
try
{
    return await RosterCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (StorageConfigurationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return CliErrors.ExitCode;
}
catch (OperationCanceledException)
{
    // Ctrl+C while a command was working: the shell's convention for an interrupted command.
    return 130;
}
catch (Exception e)
{
    await Console.Error.WriteLineAsync("Unhandled exception: " + e);
    return 1;
}
