using Roster.Directory.Mail;

namespace Roster.Server.Hosting;

/// <summary>The SMTP server invitations go through (section <c>Roster:Mail:Smtp</c>).</summary>
public sealed class SmtpSettings
{
    /// <summary>The SMTP server's host name; empty: emails go to the pickup folder instead.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP server's port.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>How the connection to the SMTP server is encrypted: TLS from the start, STARTTLS (required, or when offered), or not at all.</summary>
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>The SMTP user name; empty for a server that needs no authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The SMTP password.</summary>
    public string? Password { get; set; }

    /// <summary>How long a connection or a command may take before the send fails (hh:mm:ss).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
