namespace Roster.Directory.Mail;

/// <summary>
/// Where the directory's emails go. With an <see cref="SmtpHost"/>, through that SMTP server;
/// without one (a fresh install), into <see cref="PickupFolder"/> as <c>.eml</c> files, so that
/// invitations work offline and an operator can open them with any mail program.
/// </summary>
public sealed record MailOptions
{
    /// <summary>The sender of every email.</summary>
    public string From { get; init; } = "Roster <no-reply@roster.invalid>";

    /// <summary>The SMTP server; null or empty for the pickup folder.</summary>
    public string? SmtpHost { get; init; }

    public int SmtpPort { get; init; } = 587;

    public MailSecurity Security { get; init; } = MailSecurity.StartTls;

    /// <summary>The SMTP user name; null for a server that needs no authentication.</summary>
    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>How long a connection or a command may take before the send fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The folder <see cref="PickupFolderMailSender"/> writes to; created when needed.</summary>
    public string PickupFolder { get; init; } = DefaultPickupFolder();

    // The user's local data folder survives reboots, unlike the temp folder; containers may have none.
    private static string DefaultPickupFolder()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(string.IsNullOrEmpty(data) ? Path.GetTempPath() : data, "Roster", "mail-pickup");
    }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    // The password must never reach a log line through the record's generated ToString.
    public override string ToString() =>
        UsesSmtp ? $"SMTP {SmtpHost}:{SmtpPort} ({Security}) as {UserName ?? "anonymous"}" : $"pickup folder {PickupFolder}";
}
