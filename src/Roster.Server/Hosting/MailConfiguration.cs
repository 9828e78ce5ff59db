using Microsoft.Data.Sqlite;
using Roster.Directory.Mail;

namespace Roster.Server.Hosting;

/// <summary>
/// Reads where invitation emails go from configuration: SMTP when <c>Roster:Mail:Smtp:Host</c> is
/// set, else the pickup folder <c>Roster:Mail:PickupFolder</c> (default <c>mail-pickup</c> next to
/// the SQLite database, so an operator finds the emails of a laptop run beside its data; on
/// PostgreSQL the user's local application data folder).
/// </summary>
public static class MailConfiguration
{
    public const string SectionName = "Roster:Mail";
    public const string DefaultPickupFolderName = "mail-pickup";

    public static MailOptions Read(IConfiguration configuration, string? sqliteDatabase)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(SectionName).Get<MailSettings>() ?? new MailSettings();
        var defaults = new MailOptions();
        var options = new MailOptions
        {
            From = settings.From,
            PickupFolder = settings.PickupFolder is { Length: > 0 } folder ? folder : DefaultPickupFolder(sqliteDatabase) ?? defaults.PickupFolder,
            SmtpHost = settings.Smtp.Host,
            SmtpPort = settings.Smtp.Port,
            Security = settings.Smtp.Security,
            UserName = settings.Smtp.UserName,
            Password = settings.Smtp.Password,
            Timeout = settings.Smtp.Timeout,
        };
        if (options.UsesSmtp && options.SmtpPort is < 1 or > 65535)
        {
            throw new Settings.SettingException($"{SectionName}:Smtp:Port must be between 1 and 65535; it is {options.SmtpPort}.");
        }

        return options;
    }

    /// <summary>The folder beside a SQLite file; null for an in-memory database or a database server.</summary>
    private static string? DefaultPickupFolder(string? database)
    {
        if (database is null)
        {
            return null;
        }

        var file = database.Contains('=', StringComparison.Ordinal) ? new SqliteConnectionStringBuilder(database).DataSource : database;
        if (string.IsNullOrWhiteSpace(file) || file.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        return folder is null ? null : Path.Combine(folder, DefaultPickupFolderName);
    }
}
