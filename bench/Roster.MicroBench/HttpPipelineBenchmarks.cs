using BenchmarkDotNet.Attributes;

namespace Roster.MicroBench;

/// <summary>
/// Whole requests through the real ASP.NET Core pipeline in memory (the test host: no sockets, so
/// Kestrel's own work is left out): GET by id, with and without <c>attributes=</c>, and the
/// <c>userName eq</c> lookup, each with its token check and its statements on a real SQLite file.
/// </summary>
[MemoryDiagnoser]
public class HttpPipelineBenchmarks
{
    private InMemoryRoster _roster = null!;
    private Uri _get = null!;
    private Uri _getUserName = null!;
    private Uri _lookup = null!;

    [GlobalSetup]
    public void Setup()
    {
        _roster = InMemoryRoster.StartAsync().GetAwaiter().GetResult();
        var id = _roster.CreateUserAsync("pipeline@example.com").GetAwaiter().GetResult();
        _get = new Uri($"Users/{id}", UriKind.Relative);
        _getUserName = new Uri($"Users/{id}?attributes=userName", UriKind.Relative);
        _lookup = new Uri("Users?filter=" + Uri.EscapeDataString("userName eq \"pipeline@example.com\""), UriKind.Relative);
    }

    [GlobalCleanup]
    public void Cleanup() => _roster.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task<byte[]> GetById() => SendAsync(_get);

    [Benchmark]
    public Task<byte[]> GetByIdWithAttributes() => SendAsync(_getUserName);

    [Benchmark]
    public Task<byte[]> LookupByUserName() => SendAsync(_lookup);

    private async Task<byte[]> SendAsync(Uri uri)
    {
        using var response = await _roster.Scim.GetAsync(uri);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
