namespace Roster.Directory.Database;

/// <summary>
/// Admits one writer at a time where the database allows only one (SQLite), so concurrent
/// requests queue in the process instead of failing with "database is locked". Every write
/// transaction of the directory runs inside the gate.
/// </summary>
public interface IWriteGate
{
    /// <summary>Waits for the gate; disposing the result lets the next writer in.</summary>
    ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);
}
