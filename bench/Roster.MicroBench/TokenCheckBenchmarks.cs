using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Roster.Directory.Tokens;

namespace Roster.MicroBench;

/// <summary>The SCIM token check every request makes: the token's hash and one statement on a real SQLite file.</summary>
[MemoryDiagnoser]
public class TokenCheckBenchmarks
{
    private InMemoryRoster _roster = null!;
    private ScimTokenVerifier _verifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        _roster = InMemoryRoster.StartAsync().GetAwaiter().GetResult();
        _verifier = _roster.Services.GetRequiredService<ScimTokenVerifier>();
    }

    [GlobalCleanup]
    public void Cleanup() => _roster.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task<TokenAuthentication> VerifyToken() => _verifier.VerifyAsync(_roster.Token, client: null, CancellationToken.None);
}
