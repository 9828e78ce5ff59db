using BenchmarkDotNet.Running;

namespace Roster.MicroBench;

/// <summary>
/// The steps of one SCIM request, each on its own (see docs/performance.md, "Micro-benchmarks of
/// a request's steps"): <c>dotnet run -c Release --project bench/Roster.MicroBench -- --job short --inProcess --filter '*'</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
