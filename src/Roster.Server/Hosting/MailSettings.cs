namespace Roster.Server.Hosting;

/// <summary>Where invitation emails go (section <c>Roster:Mail</c>); read by <see cref="MailConfiguration"/>.</summary>
public sealed class MailSettings
{
    /// <summary>The sender of every email.</summary>
    public string From { get; set; } = "Roster <no-reply@roster.invalid>";

    /// <summary>
    /// The folder emails are written to as <c>.eml</c> files when no SMTP server is set: by default
    /// <c>mail-pickup</c> beside the SQLite database (on PostgreSQL, in the user's local data folder).
    /// </summary>
    public string? PickupFolder { get; set; }

    public SmtpSettings Smtp { get; set; } = new();
}
