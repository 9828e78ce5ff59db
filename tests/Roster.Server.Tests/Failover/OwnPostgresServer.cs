using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Roster.Server.Tests.Failover;

/// <summary>
/// A PostgreSQL server of the test's own (initdb in a temp folder, a free loopback port), so that
/// the test may stop it and start it again as an operator's restart or a crash does; the shared
/// test server is never touched. Run as the <c>postgres</c> user when the tests run as root.
/// </summary>
public sealed class OwnPostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(1);

    private readonly string _folder;
    private readonly string _bin;

    private OwnPostgresServer(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres;Timeout=3;Command Timeout=15";

    public static async Task<OwnPostgresServer> StartAsync()
    {
        var bin = System.IO.Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
            .First();
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-outage-").FullName;
        var server = new OwnPostgresServer(folder, bin, FreePort());
        try
        {
            if (Environment.UserName == "root")
            {
                await RunAsync(false, "chown", "postgres:postgres", folder);
            }

            await RunAsync(true, Path.Combine(bin, "initdb"), "-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>pg_ctl stop -m immediate</c>: every connection cut, as in a crash of the database server.</summary>
    public Task StopAsync() => RunAsync(true, Path.Combine(_bin, "pg_ctl"), "stop", "-D", Data, "-m", "immediate", "-w");

    /// <summary>Starts the server on the same port and returns once it accepts connections.</summary>
    public Task StartAgainAsync() => RunAsync(true, Path.Combine(_bin, "pg_ctl"), "start", "-D", Data, "-w", "-l", Path.Combine(_folder, "server.log"),
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
            }
        }

        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Data => Path.Combine(_folder, "data");

    private static async Task RunAsync(bool asPostgres, string program, params string[] arguments)
    {
        var root = asPostgres && Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "runuser" : program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (root ? new[] { "-u", "postgres", "--", program } : []).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StepTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
