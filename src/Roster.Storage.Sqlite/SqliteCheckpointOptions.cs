using System.ComponentModel.DataAnnotations;

namespace Roster.Storage.Sqlite;

/// <summary>
/// When the server copies SQLite's write-ahead log (WAL) into the database file (section
/// <c>Storage:SqliteCheckpoints</c>). By default SQLite does it inside the commit of whichever
/// write takes the WAL past 1,000 pages, and that request pays for the copy and its fsyncs; the
/// server does it in the background instead (<see cref="SqliteCheckpointer"/>), so a request's
/// commit only appends to the WAL. The CLI keeps SQLite's default.
/// </summary>
public sealed class SqliteCheckpointOptions
{
    /// <summary>Checkpoint in the background; <c>false</c> restores SQLite's own, inside the commits (every 1,000 pages).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the checkpointer looks for new commits and, if there are any, copies them into the database.</summary>
    [Range(1, 3_600_000)]
    public int IntervalMilliseconds { get; set; } = 100;

    /// <summary>After this long without a commit the WAL is emptied and cut to zero bytes (<c>wal_checkpoint(TRUNCATE)</c>).</summary>
    [Range(1, 3_600_000)]
    public int IdleMilliseconds { get; set; } = 5_000;

    /// <summary>
    /// A WAL is written from its start again only by a writer that begins once a checkpoint has
    /// copied all of it; under a steady stream of writes one always commits while the checkpoint
    /// copies, and the WAL would only grow. When a checkpoint finds more than this many pages in
    /// it, the checkpointer copies the few frames committed meanwhile with this process's writers
    /// held back (in the write gate), so that the next writer starts the WAL again.
    /// </summary>
    [Range(100, 10_000_000)]
    public int ResetWalPages { get; set; } = 4_000;

    /// <summary>
    /// The bound on the WAL should the checkpointer fall behind (or stop): a commit that takes the
    /// WAL past this many pages checkpoints it itself, as SQLite's automatic checkpoint does at
    /// 1,000. 10,000 pages of 4 KiB are 40 MiB.
    /// </summary>
    [Range(100, 10_000_000)]
    public int MaxWalPages { get; set; } = 10_000;
}
