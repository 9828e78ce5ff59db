using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Keys;
using Roster.Server.Hosting;

namespace Roster.Server.Keys;

/// <summary>
/// Finds the key-encryption key the configuration names (<see cref="KeysOptions"/>): the
/// certificate, else the key file, else the default key file. A key file that does not exist is
/// made (32 random bytes, mode 0600) only while the database holds no encrypted key; once it
/// does, a missing or different key is an error that says which key is needed, never a new key.
/// </summary>
public static partial class KeyEncryptionKeys
{
    public const string DefaultFileName = "roster.key";

    public static IKeyEncryptionKey Resolve(KeysOptions options, RosterStorage storage, DirectoryDatabase database, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(database);
        const string section = KeysOptions.SectionName;
        if (!string.IsNullOrWhiteSpace(options.Certificate.Path))
        {
            if (!string.IsNullOrWhiteSpace(options.KeyFile))
            {
                throw new KeyUnavailableException($"Set {section}:KeyFile or {section}:Certificate:Path, not both.");
            }

            return new CertificateKeyEncryptionKey(LoadCertificate(options.Certificate));
        }

        var configured = !string.IsNullOrWhiteSpace(options.KeyFile);
        var path = Path.GetFullPath(configured ? options.KeyFile! : DefaultPath(storage));
        if (!File.Exists(path))
        {
            if (HoldsEncryptedKeys(database))
            {
                throw new KeyUnavailableException(
                    $"The keys in this database are encrypted with a key-encryption key, and its key file {path} does not exist. " +
                    $"Restore the key file that belongs with this database there, or name it in {section}:KeyFile (or {section}:Certificate:Path for a certificate).");
            }

            Create(path);
            LogCreated(logger, path, section);
        }

        WarnIfShared(path, logger);
        var text = File.ReadAllText(path);
        return FileKeyEncryptionKey.Parse(text) ?? throw new KeyUnavailableException(
            $"{section}:KeyFile {path} does not hold a key: it must be 32 random bytes in base64, such as 'openssl rand -base64 32' prints.");
    }

    /// <summary>Where the key file is when none is configured: beside the SQLite file, or in Roster's local data folder.</summary>
    public static string DefaultPath(RosterStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.SqliteDatabase is { } sqlite)
        {
            var file = sqlite.Contains('=', StringComparison.Ordinal) ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqlite).DataSource : sqlite;
            if (!string.IsNullOrWhiteSpace(file) && !file.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
            {
                return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", DefaultFileName);
            }
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "roster", DefaultFileName);
    }

    private static X509Certificate2 LoadCertificate(KeyCertificateOptions options)
    {
        const string setting = KeysOptions.SectionName + ":Certificate:Path";
        try
        {
            var extension = Path.GetExtension(options.Path!).ToUpperInvariant();
            var certificate = extension is ".PFX" or ".P12"
                ? X509CertificateLoader.LoadPkcs12FromFile(options.Path!, options.Password)
                : X509Certificate2.CreateFromPemFile(options.Path!);
            if (certificate.GetRSAPublicKey() is null)
            {
                throw new KeyUnavailableException($"{setting} {options.Path} must hold a certificate with an RSA key.");
            }

            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new KeyUnavailableException($"{setting} {options.Path} could not be read as a PEM certificate with its private key or a PKCS#12 file: {e.Message}", e);
        }
    }

    private static bool HoldsEncryptedKeys(DirectoryDatabase database)
    {
        using var db = database.CreateContext(Guid.Empty);
        return db.ServerKeys.AsNoTracking().Select(k => k.Material).AsEnumerable().Any(m => KeyEnvelope.IsEnvelope(m))
            || db.DataProtectionKeys.AsNoTracking().Any(k => k.Xml != null && k.Xml.Contains(DataProtectionKeyEncryption.ElementName));
    }

    private static void Create(string path)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var file = new FileStream(path, options);
            using var writer = new StreamWriter(file);
            writer.Write(FileKeyEncryptionKey.NewKeyFileText());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it at the same moment: use theirs.
        }
    }

    private static void WarnIfShared(string path, ILogger logger)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            LogShared(logger, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Made the key-encryption key file {Path}: Roster's keys in the database are encrypted with it. Back it up apart from the database; every node of this database needs the same one ({Section}:KeyFile).")]
    private static partial void LogCreated(ILogger logger, string path, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The key-encryption key file {Path} can be read by other users: 'chmod 600' it.")]
    private static partial void LogShared(ILogger logger, string path);
}
