using MimeKit;

namespace Roster.Directory.Mail;

/// <summary>Turns an <see cref="OutgoingMail"/> into a MIME message (multipart/alternative: text and HTML).</summary>
internal static class MailMessages
{
    public static MimeMessage Create(OutgoingMail mail, string from, TimeProvider time)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Date = time.GetUtcNow();
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }
}
