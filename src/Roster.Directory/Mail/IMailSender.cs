namespace Roster.Directory.Mail;

/// <summary>Sends the directory's emails (invitations); <see cref="MailServiceCollectionExtensions.AddRosterMail"/> picks the implementation.</summary>
public interface IMailSender
{
    /// <summary>Sends <paramref name="mail"/> or throws; nothing is retried here.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
