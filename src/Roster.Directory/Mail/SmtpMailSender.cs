using MailKit.Net.Smtp;
using MailKit.Security;

namespace Roster.Directory.Mail;

/// <summary>Sends each email through the SMTP server of <see cref="MailOptions"/>, one connection per email (invitations are rare).</summary>
public sealed class SmtpMailSender(MailOptions options, TimeProvider time) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var host = options.SmtpHost ?? throw new InvalidOperationException("SmtpMailSender needs MailOptions.SmtpHost.");
        var message = MailMessages.Create(mail, options.From, time);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        await client.ConnectAsync(host, options.SmtpPort, Socket(options.Security), cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Socket(MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.None,
    };
}
