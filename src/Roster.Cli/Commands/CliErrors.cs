using Roster.Directory.Administration;

namespace Roster.Cli.Commands;

/// <summary>
/// How operator commands report an expected failure: its sentence on stderr and exit code 2. A
/// refusal that found several mistakes at once (<see cref="AdminError.Also"/>) prints each on its
/// own line, after the field it is about, so one run shows everything to fix.
/// </summary>
public static class CliErrors
{
    public const int ExitCode = 2;

    public static async Task<int> ReportAsync(AdminError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Also.Count == 0)
        {
            await Console.Error.WriteLineAsync(error.Detail);
            return ExitCode;
        }

        foreach (var each in (AdminError[])[error, .. error.Also])
        {
            await Console.Error.WriteLineAsync(each.Field is { } field ? $"{field}: {each.Detail}" : each.Detail);
        }

        return ExitCode;
    }
}
