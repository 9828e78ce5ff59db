namespace Roster.Directory.Audit;

/// <summary>
/// Ids of audit events: version 7 GUIDs at the event's time that strictly increase within the
/// process, so events of the same millisecond keep the order they were written in. (A plain
/// <see cref="Guid.CreateVersion7(DateTimeOffset)"/> is random within a millisecond.)
/// </summary>
internal static class AuditEventIds
{
    private static readonly Lock Gate = new();
    private static byte[] _last = new byte[16];

    public static Guid Next(DateTimeOffset occurred)
    {
        var next = Guid.CreateVersion7(occurred).ToByteArray(bigEndian: true);
        lock (Gate)
        {
            if (next.AsSpan().SequenceCompareTo(_last) <= 0)
            {
                // Same millisecond (or a clock that stepped back): one more than the last id. Only
                // the last 7 bytes change, clear of the version and variant bits.
                next = (byte[])_last.Clone();
                for (var i = 15; i >= 9; i--)
                {
                    if (++next[i] != 0)
                    {
                        break;
                    }
                }
            }

            _last = next;
        }

        return new Guid(next, bigEndian: true);
    }
}
