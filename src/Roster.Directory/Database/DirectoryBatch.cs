namespace Roster.Directory.Database;

/// <summary>The batch a <see cref="DirectoryDatabase.InOneTransactionAsync{T}"/> work runs in.</summary>
public sealed class DirectoryBatch
{
    private readonly Func<Task> _checkpoint;

    internal DirectoryBatch(Func<Task> checkpoint) => _checkpoint = checkpoint;

    /// <summary>
    /// Commits what the batch wrote so far (its events become visible, its listings' caches are
    /// voided) and continues in a new transaction, after other writers waiting for the write lock.
    /// </summary>
    public Task CheckpointAsync() => _checkpoint();
}
