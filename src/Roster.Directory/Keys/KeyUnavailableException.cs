namespace Roster.Directory.Keys;

/// <summary>
/// A key at rest cannot be decrypted: the key-encryption key configured is not the one that
/// encrypted it, or there is none. The message says which one is needed and where to set it;
/// Roster stops rather than make new keys over the old ones.
/// </summary>
public sealed class KeyUnavailableException : Exception
{
    public KeyUnavailableException()
    {
    }

    public KeyUnavailableException(string message)
        : base(message)
    {
    }

    public KeyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
