using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Roster.Server.Tests.Nodes;

/// <summary>
/// One <c>roster serve</c> process (the real executable beside the tests) on a free loopback
/// port. Its output is read all the time, so that a chatty log never fills the pipe and stalls
/// the server; disposing kills the process tree, whatever state it is in.
/// </summary>
public sealed class RosterNode : IAsyncDisposable
{
    /// <summary>
    /// A start costs 3 to 5 s of CPU (JIT of the framework-dependent build, the EF model, the
    /// bootstrap); on two cores shared with a load average of 50 and more, measured starts took
    /// 15 to 80 s of wall time. The bound is for a process that hangs, not for a slow machine.
    /// </summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RosterNode(string name, Uri baseAddress, Process process)
    {
        Name = name;
        BaseAddress = baseAddress;
        _process = process;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    /// <summary>Everything the process wrote so far, standard output and error interleaved.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts a node with <c>serve</c>'s extra <paramref name="arguments"/> and returns once it answers <c>/health</c>.</summary>
    public static async Task<RosterNode> StartAsync(string name, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(arguments);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "roster.dll"), "serve", "--urls", baseAddress.GetLeftPart(UriPartial.Authority) }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var node = new RosterNode(name, baseAddress, new Process { StartInfo = start, EnableRaisingEvents = true });
        try
        {
            await node.StartProcessAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>The text after <paramref name="label"/> on the first line that starts with it, e.g. the token of the first-start banner.</summary>
    public string BannerValue(string label) =>
        _output.First(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim();

    /// <summary>
    /// SIGKILL to the server process itself (<c>dotnet roster.dll</c> runs the server in the host
    /// process, no shell in between): no shutdown, no flush, no finally block; what a power cut or
    /// the OOM killer does to the process. Returns once it is gone.
    /// </summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>
    /// SIGTERM, what systemd, Docker and Kubernetes send to stop a service; returns the exit code
    /// once the process has stopped by itself (within <paramref name="timeout"/>).
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {_process.Id} failed with {kill.ExitCode}.");
            }
        }

        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    /// <summary>Whether a new TCP connection to the node's port is accepted now.</summary>
    public async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(BaseAddress.Host, BaseAddress.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public HttpClient CreateClient(string? bearer, string relativeBase = "")
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, relativeBase), Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    public override string ToString() => $"{Name} at {BaseAddress}";

    private async Task StartProcessAsync()
    {
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"{this} exited before listening:\n{string.Join('\n', _output)}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await WaitUntilServingAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // Say how far it got: no line at all (process start, JIT), the migrations, or the banner.
            throw new TimeoutException($"{this} did not answer /health within {StartTimeout.TotalMinutes} minutes; it printed:\n{string.Join('\n', _output)}");
        }
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        await _listening.Task.WaitAsync(cancellationToken);

        // The line is printed just before Kestrel binds: ask until it answers.
        using var client = CreateClient(null);
        while (true)
        {
            try
            {
                using var health = await client.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (!_process.HasExited)
            {
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.StartsWith("Roster is listening", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
