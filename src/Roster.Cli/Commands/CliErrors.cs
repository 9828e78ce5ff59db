using Roster.Directory.Administration;

namespace Roster.Cli.Commands;

/// <summary>How operator commands report an expected failure: one line on stderr and exit code 2.</summary>
public static class CliErrors
{
    public const int ExitCode = 2;

    public static async Task<int> ReportAsync(AdminError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        await Console.Error.WriteLineAsync(error.Detail);
        return ExitCode;
    }
}
