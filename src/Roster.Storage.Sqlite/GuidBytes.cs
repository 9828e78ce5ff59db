namespace Roster.Storage.Sqlite;

/// <summary>
/// GUID keys as 16-byte blobs (less than half the size of text in every index), big-endian so
/// that blob order is the order of the GUID's text and version 7 ids append at the end of the index.
/// </summary>
internal static class GuidBytes
{
    public static byte[] ToBytes(Guid value) => value.ToByteArray(bigEndian: true);

    public static Guid FromBytes(byte[] bytes) => new(bytes, bigEndian: true);
}
