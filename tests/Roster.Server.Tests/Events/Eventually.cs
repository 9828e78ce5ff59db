namespace Roster.Server.Tests.Events;

/// <summary>
/// Waits for a condition that Roster reaches in the background (a sender's round, a give-up),
/// asking again every 100 ms, and fails saying what was awaited when it has not held within the bound.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var limit = new CancellationTokenSource(within);
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            try
            {
                await ticks.WaitForNextTickAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Waited {within.TotalSeconds:0} s for {what}.");
            }
        }
    }
}
