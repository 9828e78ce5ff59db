using System.Diagnostics;

namespace Roster.Storage.Sqlite;

/// <summary>
/// The time by which the statement running on one SQLite handle must end. The handle's progress
/// handler (<see cref="SqliteConnectionSetup"/>) reads it every thousand instructions and makes
/// SQLite stop the statement with <c>SQLITE_INTERRUPT</c> once it has passed; none is armed
/// between statements, so writes and unlimited reads on the same handle are never stopped.
/// </summary>
internal sealed class StatementDeadline
{
    private long _deadline;

    /// <summary>True once an armed deadline has passed.</summary>
    public bool Passed
    {
        get
        {
            var deadline = Volatile.Read(ref _deadline);
            return deadline != 0 && Stopwatch.GetTimestamp() > deadline;
        }
    }

    /// <summary>Arms the deadline <paramref name="budget"/> from now; disposing the result disarms it.</summary>
    public IDisposable Arm(TimeSpan budget)
    {
        Volatile.Write(ref _deadline, Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency));
        return new Disarm(this);
    }

    private sealed class Disarm(StatementDeadline deadline) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref deadline._deadline, 0);
    }
}
