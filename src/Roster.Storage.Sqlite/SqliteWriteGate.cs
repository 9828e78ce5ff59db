using Roster.Directory.Database;

namespace Roster.Storage.Sqlite;

/// <summary>
/// SQLite has one writer at a time: writers of this process wait here, in order, rather than
/// racing for the file lock and failing with SQLITE_BUSY. (Another process, such as the CLI,
/// still meets the lock; busy_timeout makes it wait.)
/// </summary>
public sealed class SqliteWriteGate : IWriteGate, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Exit _exit;

    public SqliteWriteGate() => _exit = new Exit(_writer);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return _exit;
    }

    public void Dispose() => _writer.Dispose();

    private sealed class Exit(SemaphoreSlim writer) : IDisposable
    {
        public void Dispose() => writer.Release();
    }
}
