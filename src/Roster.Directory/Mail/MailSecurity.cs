namespace Roster.Directory.Mail;

/// <summary>How the SMTP connection is protected.</summary>
public enum MailSecurity
{
    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,

    /// <summary>STARTTLS, required: the send fails if the server does not offer it (usually port 587).</summary>
    StartTls,

    /// <summary>STARTTLS when the server offers it, plain text otherwise; for local relays only.</summary>
    StartTlsWhenAvailable,

    /// <summary>No TLS; for a relay on the same machine or in tests.</summary>
    None,
}
