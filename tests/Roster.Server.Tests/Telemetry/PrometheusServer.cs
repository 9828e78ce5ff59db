using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Roster.Server.Tests.Telemetry;

/// <summary>
/// A real Prometheus (Debian's package) on 127.0.0.1 and a free port, scraping one target every
/// second, with its data in a temp folder. Disposing kills it and deletes the folder. A missing
/// Prometheus fails the test with how to install it: never a skip.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly ConcurrentQueue<string> _output = new();

    private PrometheusServer(Process process, DirectoryInfo folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts Prometheus scraping <paramref name="target"/> (<c>host:port</c>) at <paramref name="metricsPath"/>; returns once it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(string target, string metricsPath)
    {
        var binary = Locate() ?? throw new InvalidOperationException(
            "Prometheus is not installed, and the metrics tests scrape Roster with a real one. " +
            "Install it with 'apt-get install -y prometheus' (Debian/Ubuntu; .ci/run does this), or name the binary in ROSTER_PROMETHEUS.");
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-prometheus-");
        var config = Path.Combine(folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: roster
                metrics_path: {metricsPath}
                static_configs:
                  - targets: ["{target}"]
            """);
        var port = FreePort();
        var info = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var server = new PrometheusServer(new Process { StartInfo = info }, folder, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.StartProcessAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Asks <paramref name="promql"/> until it returns a series (Prometheus scrapes each second);
    /// returns the first value, or fails after <paramref name="timeout"/> with what it saw.
    /// </summary>
    public async Task<double> QueryUntilPresentAsync(string promql, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address };
        using var deadline = new CancellationTokenSource(timeout);
        var last = "";
        while (!deadline.IsCancellationRequested)
        {
            last = await client.GetStringAsync(new Uri($"api/v1/query?query={Uri.EscapeDataString(promql)}", UriKind.Relative), CancellationToken.None);
            var result = JsonNode.Parse(last)!["data"]!["result"]!.AsArray();
            if (result.Count > 0)
            {
                return double.Parse((string)result[0]!["value"]![1]!, CultureInfo.InvariantCulture);
            }

            await Task.Delay(250, CancellationToken.None);
        }

        using var targets = await client.GetAsync(new Uri("api/v1/targets", UriKind.Relative));
        throw new TimeoutException($"Prometheus returned nothing for {promql} within {timeout}: {last}\ntargets: {await targets.Content.ReadAsStringAsync()}\n{string.Join('\n', _output)}");
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
            // Never started.
        }
        finally
        {
            _process.Dispose();
            _folder.Delete(recursive: true);
        }
    }

    private async Task StartProcessAsync()
    {
        _process.OutputDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        _process.ErrorDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prometheus exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("-/ready", UriKind.Relative), deadline.Token);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    private static string? Locate() =>
        Environment.GetEnvironmentVariable("ROSTER_PROMETHEUS") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/prometheus") ? "/usr/bin/prometheus"
        : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
