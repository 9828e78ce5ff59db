using System.ComponentModel.DataAnnotations;

namespace Roster.Server.Keys;

/// <summary>
/// Keys at rest (section <c>Roster:Keys</c>): the key-encryption key that encrypts the OAuth
/// server's keys and the data-protection keys before they reach the database, as a key file or a
/// certificate (not both). Without either, Roster uses the key file <c>roster.key</c> beside the
/// SQLite database (on PostgreSQL in its local data folder), made on first start.
/// </summary>
public sealed class KeysOptions
{
    public const string SectionName = "Roster:Keys";

    /// <summary>
    /// A file holding 32 random bytes in base64 (<c>openssl rand -base64 32</c>), readable by
    /// Roster only. Every node of one database needs the same one. Made there on the first start
    /// of an empty database.
    /// </summary>
    public string? KeyFile { get; set; }

    public KeyCertificateOptions Certificate { get; set; } = new();

    /// <summary>How often a node rereads the OAuth keys, so that one rotated by <c>roster keys rotate</c> reaches it.</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 60;
}
