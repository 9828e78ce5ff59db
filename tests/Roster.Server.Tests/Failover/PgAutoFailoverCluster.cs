using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Roster.Server.Tests.Failover;

/// <summary>
/// A pg_auto_failover formation on loopback, from Debian's packages (<c>pg-auto-failover-cli</c>,
/// <c>postgresql-NN-auto-failover</c>): a monitor, a primary and a standby in the replication quorum
/// (synchronous replication: <c>synchronous_standby_names = 'ANY 1 (...)'</c>), trust authentication
/// on 127.0.0.1, everything in a temp folder. Run as the <c>postgres</c> user when the tests run as
/// root (PostgreSQL refuses root). The monitor's health checks are made quick (a second instead of
/// five, a node unhealthy after three seconds instead of twenty) so that a failover takes seconds.
/// Disposing kills every process and deletes the folder.
/// </summary>
public sealed class PgAutoFailoverCluster : IAsyncDisposable
{
    public const string Database = "roster";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);

    private readonly string _folder;
    private readonly string _bin;
    private readonly Dictionary<string, Process> _processes = [];
    private readonly ConcurrentQueue<string> _log = new();

    private PgAutoFailoverCluster(string folder, string bin)
    {
        _folder = folder;
        _bin = bin;
    }

    public int MonitorPort { get; private set; }

    /// <summary>The database nodes' ports: node_1's first.</summary>
    public IReadOnlyList<int> NodePorts { get; private set; } = [];

    /// <summary>An Npgsql connection string naming every node and asking for the primary, as docs/operations.md says.</summary>
    public string ConnectionString =>
        $"Host={string.Join(',', NodePorts.Select(p => $"127.0.0.1:{p}"))};Database={Database};Username=postgres;" +
        "Target Session Attributes=primary;Host Recheck Seconds=1;Timeout=3;Command Timeout=15;Pooling=true";

    public IReadOnlyCollection<string> Log => _log;

    public static async Task<PgAutoFailoverCluster> StartAsync()
    {
        var bin = System.IO.Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
            .FirstOrDefault();
        if (!File.Exists("/usr/bin/pg_autoctl") || bin is null || !File.Exists(Path.Combine(Path.GetDirectoryName(bin)!, "lib", "pgautofailover.so")))
        {
            throw new InvalidOperationException(
                "pg_auto_failover is not installed, and the failover test runs a real one. Install it with " +
                "'apt-get install -y pg-auto-failover-cli postgresql-NN-auto-failover' (NN the PostgreSQL major version; .ci/run does this).");
        }

        var folder = System.IO.Directory.CreateTempSubdirectory("roster-failover-").FullName;
        var cluster = new PgAutoFailoverCluster(folder, bin);
        try
        {
            await cluster.RunAsync("chown", "-R", "postgres:postgres", folder).ConfigureAwait(false);
            await cluster.CreateAsync().ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The formation as the monitor sees it: each node's name, port, reported and assigned state.</summary>
    public async Task<IReadOnlyList<(string Name, int Port, string Reported, string Assigned)>> StateAsync()
    {
        var (code, output) = await AutoctlAsync("show", "state", "--pgdata", Data("monitor"), "--json");
        if (code != 0)
        {
            return [];
        }

        return [.. JsonNode.Parse(output)!.AsArray().Select(n => (
            (string)n!["nodename"]!, (int)n["nodeport"]!, (string)n["current_group_state"]!, (string)n["assigned_group_state"]!))];
    }

    /// <summary>Waits until every node reports what the monitor assigned it, with one primary and the others secondaries.</summary>
    public async Task WaitForPrimaryAndSecondariesAsync(int nodes)
    {
        await WaitAsync($"one primary and {nodes - 1} secondaries", async () =>
        {
            var state = await StateAsync();
            return state.Count == nodes
                && state.All(n => n.Reported == n.Assigned)
                && state.Count(n => n.Reported == "primary") == 1
                && state.Count(n => n.Reported == "secondary") == nodes - 1;
        });
    }

    /// <summary>
    /// The port of the node the monitor names primary (reported or assigned), other than
    /// <paramref name="excluding"/>: a killed primary's last report stays "primary" in the
    /// monitor's table until it is demoted, so a new primary is found by leaving it out.
    /// </summary>
    public async Task<int?> PrimaryPortAsync(int? excluding = null) =>
        (await StateAsync()).Where(n => n.Port != excluding && (n.Reported is "primary" or "wait_primary" || n.Assigned is "primary" or "wait_primary"))
            .Select(n => (int?)n.Port).FirstOrDefault();

    /// <summary>
    /// SIGKILL to the node on <paramref name="port"/>: its pg_autoctl and its PostgreSQL die at once,
    /// as in a machine's power loss; returns once they are gone.
    /// </summary>
    public async Task KillNodeAsync(int port)
    {
        var name = $"node{NodePorts.ToList().IndexOf(port) + 1}";
        var process = _processes[name];
        process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        // The postmaster may have been reparented before the tree was read: make sure it is gone.
        await KillPostmasterAsync(Data(name));
        _processes.Remove(name);
    }

    /// <summary>Starts a killed node again; pg_autoctl rejoins it as a standby of the new primary.</summary>
    public Task RestartNodeAsync(int port)
    {
        var name = $"node{NodePorts.ToList().IndexOf(port) + 1}";
        Start(name, "run", "--pgdata", Data(name));
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
        }

        // Postmasters left by a node whose pg_autoctl died first.
        foreach (var pidFile in System.IO.Directory.EnumerateFiles(_folder, "postmaster.pid", SearchOption.AllDirectories))
        {
            await KillPostmasterAsync(Path.GetDirectoryName(pidFile)!);
        }

        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A process still writing its last file: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// Kills the postmaster of <paramref name="data"/> if it still runs. A killed node leaves its
    /// postmaster.pid behind and the machine reuses process ids quickly: the id is killed only
    /// while its command line names this data folder, never another process that got the id since.
    /// </summary>
    private static async Task KillPostmasterAsync(string data)
    {
        try
        {
            var pidFile = Path.Combine(data, "postmaster.pid");
            if (!File.Exists(pidFile) || !int.TryParse((await File.ReadAllLinesAsync(pidFile))[0], out var pid))
            {
                return;
            }

            var commandLine = await File.ReadAllTextAsync($"/proc/{pid}/cmdline");
            if (commandLine.Contains(data, StringComparison.Ordinal))
            {
                Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Gone already (no /proc entry, no process): nothing to kill.
        }
    }

    private async Task CreateAsync()
    {
        MonitorPort = FreePort();
        Start("monitor", "create", "monitor", "--pgdata", Data("monitor"), "--pgport", $"{MonitorPort}", "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl", "--run");
        await WaitAsync("the monitor", async () => (await PsqlAsync(MonitorPort, "pg_auto_failover", "SELECT 1")).Code == 0);

        // Seconds, not tens of seconds: a health check a second, unhealthy after three, an
        // unreachable primary given up (fenced) after three.
        var tune = await PsqlAsync(MonitorPort, "pg_auto_failover",
            "ALTER SYSTEM SET pgautofailover.health_check_period TO 1000; ALTER SYSTEM SET pgautofailover.health_check_timeout TO 1000; " +
            "ALTER SYSTEM SET pgautofailover.health_check_max_retries TO 1; ALTER SYSTEM SET pgautofailover.health_check_retry_delay TO 500; " +
            "ALTER SYSTEM SET pgautofailover.node_considered_unhealthy_timeout TO 3000; ALTER SYSTEM SET pgautofailover.primary_demote_timeout TO 3000; " +
            "SELECT pg_reload_conf();");
        if (tune.Code != 0)
        {
            throw new InvalidOperationException("The monitor's settings could not be changed: " + tune.Output);
        }

        NodePorts = [FreePort(), FreePort()];
        var monitor = $"postgres://autoctl_node@127.0.0.1:{MonitorPort}/pg_auto_failover?sslmode=disable";
        Start("node1", "create", "postgres", "--pgdata", Data("node1"), "--pgport", $"{NodePorts[0]}", "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl",
            "--dbname", Database, "--monitor", monitor, "--run");
        await WaitAsync("the first node as primary", async () => (await StateAsync()) is [{ Reported: "single" }]);

        // The standby's base backup waits for a checkpoint; one taken now leaves it nothing to wait for.
        await PsqlAsync(NodePorts[0], Database, "CHECKPOINT");
        Start("node2", "create", "postgres", "--pgdata", Data("node2"), "--pgport", $"{NodePorts[1]}", "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl",
            "--dbname", Database, "--monitor", monitor, "--run");
        await WaitForPrimaryAndSecondariesAsync(2);
    }

    private string Data(string name) => Path.Combine(_folder, name);

    private void Start(string name, params string[] arguments)
    {
        var process = new Process { StartInfo = AsPostgres(Path.Combine(_folder, "home"), "/usr/bin/pg_autoctl", arguments), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => _log.Enqueue($"{name}: {e.Data}");
        process.ErrorDataReceived += (_, e) => _log.Enqueue($"{name}: {e.Data}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes[name] = process;
    }

    private Task<(int Code, string Output)> AutoctlAsync(params string[] arguments) => RunAsync("/usr/bin/pg_autoctl", arguments);

    /// <summary>Runs each statement of <paramref name="sql"/> on its own (ALTER SYSTEM refuses a transaction).</summary>
    private Task<(int Code, string Output)> PsqlAsync(int port, string database, string sql) =>
        RunAsync(Path.Combine(_bin, "psql"), [
            "-h", "127.0.0.1", "-p", $"{port}", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-At",
            .. sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(statement => new[] { "-c", statement })]);

    private async Task<(int Code, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = program == "chown" ? new ProcessStartInfo(program, arguments) : AsPostgres(Path.Combine(_folder, "home"), program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StepTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The program as the postgres user when running as root, with PATH holding the server's binaries and pg_autoctl's files under the cluster's folder.</summary>
    private ProcessStartInfo AsPostgres(string home, string program, string[] arguments)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "runuser" : program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (root)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = $"{_bin}:/usr/bin:/bin";
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, "config");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(home, "data");
        start.Environment["PGCONNECT_TIMEOUT"] = "3";
        return start;
    }

    private async Task WaitAsync(string what, Func<Task<bool>> done)
    {
        using var timeout = new CancellationTokenSource(StepTimeout);
        while (!await done())
        {
            if (timeout.IsCancellationRequested || _processes.Values.Any(p => p.HasExited))
            {
                throw new InvalidOperationException($"pg_auto_failover: {what} did not come up:\n{string.Join('\n', _log.TakeLast(60))}");
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
