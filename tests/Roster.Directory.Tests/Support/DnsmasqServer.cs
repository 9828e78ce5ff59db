using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Roster.Directory.Domains;

namespace Roster.Directory.Tests.Support;

/// <summary>
/// A real DNS server for domain verification tests: Debian's dnsmasq on 127.0.0.1 and a free high
/// port, answering the TXT records given and nothing else (no upstream, no /etc/hosts, names under
/// <c>.test</c> answered locally so an unknown name is NXDOMAIN). dnsmasq cannot reload TXT
/// records, so each test starts its own with the records it needs; it starts in milliseconds.
/// Disposing kills it. A missing dnsmasq fails the test with how to install it: never a skip.
/// </summary>
public sealed class DnsmasqServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private readonly Process process;

    private DnsmasqServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The resolver options that ask this server only.</summary>
    public DnsTxtResolverOptions ResolverOptions => new() { Servers = { $"127.0.0.1:{Port}" }, Timeout = TimeSpan.FromSeconds(2) };

    public IDnsTxtResolver Resolver => new DnsTxtResolver(ResolverOptions);

    /// <summary>Starts dnsmasq serving <paramref name="records"/> (name, value), retrying on another port if the chosen one was taken meanwhile.</summary>
    public static async Task<DnsmasqServer> StartAsync(params (string Name, string Value)[] records)
    {
        var binary = Locate() ?? throw new InvalidOperationException(
            "dnsmasq is not installed, and the domain verification tests need a real DNS server. " +
            "Install it with 'apt-get install -y dnsmasq-base' (Debian/Ubuntu; .ci/run does this), or put a 'dnsmasq' binary on PATH.");
        var failures = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort();
            var started = await TryStartAsync(binary, port, records);
            if (started.Server is { } server)
            {
                return server;
            }

            failures.Add(started.Failure!);
        }

        throw new InvalidOperationException("dnsmasq did not start: " + string.Join(" | ", failures));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        process.Dispose();
    }

    private static async Task<(DnsmasqServer? Server, string? Failure)> TryStartAsync(string binary, int port, (string Name, string Value)[] records)
    {
        var info = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--keep-in-foreground", "--log-facility=-", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--pid-file=",
            $"--port={port}", "--listen-address=127.0.0.1", "--bind-interfaces", "--local=/test/",
        })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in records)
        {
            info.ArgumentList.Add($"--txt-record={name},{value}");
        }

        var process = Process.Start(info)!;
        var log = new List<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (log)
            {
                log.Add(e.Data);
            }

            // dnsmasq binds its sockets before it logs "started".
            if (e.Data.Contains("started, version", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (!process.HasExited && ready.Task.IsCompleted)
        {
            return (new DnsmasqServer(process, port), null);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        lock (log)
        {
            return (null, $"port {port}: " + string.Join(" / ", log));
        }
    }

    private static string? Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return new[] { "/usr/sbin", "/sbin" }.Concat(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            .Select(folder => Path.Combine(folder, "dnsmasq"))
            .FirstOrDefault(File.Exists);
    }

    // Free for both UDP and TCP at the time of asking; dnsmasq binds both.
    private static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) when (attempt < 10)
            {
                // Taken for UDP only: ask for another.
            }
        }
    }
}
