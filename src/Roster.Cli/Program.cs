using System.CommandLine;
using Roster.Cli.Commands;
using Roster.Directory.Keys;
using Roster.Server.Settings;

// A storage setting that names no usable database is the operator's to fix: one line, exit code 2,
// like the commands' other expected failures. Anything else is reported as before.
try
{
    var parse = RosterCommandLine.Create().Parse(args);

    // 'serve' stops the way its host does on SIGTERM or Ctrl+C (not ready, drain, then the requests
    // in flight finish; Roster:Shutdown), which the command line's own two-second termination
    // timeout would cut short; every other command stops when its cancellation token fires.
    var serving = parse.CommandResult.Command.Name == ServeCommand.Name;
    return await parse.InvokeAsync(new InvocationConfiguration
    {
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = serving ? null : TimeSpan.FromSeconds(2),
    });
}
catch (Exception e) when (e is SettingException or KeyUnavailableException or Microsoft.Extensions.Options.OptionsValidationException)
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
