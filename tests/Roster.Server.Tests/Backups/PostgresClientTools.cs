using System.Diagnostics;
using Npgsql;

namespace Roster.Server.Tests.Backups;

/// <summary>
/// PostgreSQL's own <c>pg_dump</c> and <c>pg_restore</c>, as an operator runs them, from the same
/// installation as the test server (Debian's versioned folder first, as scripts/postgres.sh looks).
/// </summary>
public static class PostgresClientTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary><c>pg_dump --format=custom</c> of the database <paramref name="connectionString"/> names, into <paramref name="file"/>.</summary>
    public static Task DumpAsync(string connectionString, string file) =>
        RunAsync("pg_dump", connectionString, "--format=custom", "--file", file);

    /// <summary><c>pg_restore --no-owner</c> of <paramref name="file"/> into the (empty) database <paramref name="connectionString"/> names.</summary>
    public static Task RestoreAsync(string file, string connectionString) =>
        RunAsync("pg_restore", connectionString, "--no-owner", "--exit-on-error", file);

    private static async Task RunAsync(string tool, string connectionString, params string[] arguments)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--host", database.Host!, "--port", database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--username", database.Username!, "--dbname", database.Database! }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // The password goes by environment, never on a command line other users can read.
        if (!string.IsNullOrEmpty(database.Password))
        {
            start.Environment["PGPASSWORD"] = database.Password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await error}{await output}");
    }

    private static string Find(string tool)
    {
        var versioned = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", tool))
                .Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return versioned ?? tool;
    }
}
