using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary>
/// Opens the connection pool, lets both sides JIT their read paths and reads <c>/ServiceProviderConfig</c>,
/// before anything is timed. Tells the run whether the server answers at all.
/// </summary>
internal static class WarmUp
{
    private const int RequestsPerWorker = 3;

    /// <returns><c>false</c> when no request succeeded (server down, wrong URL or token): nothing else can work.</returns>
    public static async Task<bool> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        PhaseRecorder recorder = context.BeginPhase("warmup", (context.Settings.Concurrency * RequestsPerWorker) + 1);
        ScimResponse config = await context.Client.SendAsync(HttpMethod.Get, "ServiceProviderConfig", null, recorder, cancellationToken);
        if (config.IsSuccess)
        {
            context.Features = ServiceProviderFeatures.Parse(config.Body);
        }

        await ConcurrentLoop.RunAsync(
            context.Settings.Concurrency * RequestsPerWorker,
            context.Settings.Concurrency,
            (_, token) => context.Client.SendAsync(HttpMethod.Get, "Users?startIndex=1&count=1", null, recorder, token),
            cancellationToken);

        recorder.SetMetric("cursorPaging", context.Features.CursorPagination ? 1 : 0);
        PhaseResult result = context.Complete(recorder, cancellationToken);
        if (result.Requests > result.Errors)
        {
            return true;
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            context.Output.WriteLine($"No warm-up request succeeded against {context.Settings.BaseUrl}: check the server, --base-url and --token. Stopping.");
        }

        return false;
    }
}
