using System.Runtime.CompilerServices;

namespace Roster.Bench.Running;

/// <summary>Runs <c>count</c> numbered operations with at most <c>concurrency</c> in flight, like an IdP's worker pool.</summary>
internal static class ConcurrentLoop
{
    /// <summary>
    /// Stops handing out work once <paramref name="cancellationToken"/> fires; operations are expected to
    /// return (not throw) when cancelled, so a stopped loop still leaves a usable partial result.
    /// </summary>
    public static Task RunAsync(int count, int concurrency, Func<int, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        StrongBox<int> next = new(-1);
        int workers = Math.Min(concurrency, count);
        Task[] tasks = new Task[workers];
        for (int worker = 0; worker < workers; worker++)
        {
            tasks[worker] = Task.Run(async () =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    int index = Interlocked.Increment(ref next.Value);
                    if (index >= count)
                    {
                        return;
                    }

                    await operation(index, cancellationToken);
                }
            }, CancellationToken.None);
        }

        return Task.WhenAll(tasks);
    }
}
