namespace Roster.Directory.Database;

/// <summary>The gate of databases with many writers (PostgreSQL): everyone goes through at once.</summary>
public sealed class OpenWriteGate : IWriteGate
{
    private static readonly IDisposable Entered = new Pass();

    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Entered);

    private sealed class Pass : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
