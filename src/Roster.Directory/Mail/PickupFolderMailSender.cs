namespace Roster.Directory.Mail;

/// <summary>
/// Writes each email as one RFC 5322 <c>.eml</c> file into a folder instead of sending it: the
/// default of a fresh install, so invitations work without a mail server. The file is written
/// under a temporary name and then renamed, so whoever watches the folder never reads half a message.
/// </summary>
public sealed class PickupFolderMailSender(MailOptions options, TimeProvider time) : IMailSender
{
    public string Folder => options.PickupFolder;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = MailMessages.Create(mail, options.From, time);
        System.IO.Directory.CreateDirectory(Folder);
        var name = $"{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(Folder, name + ".tmp");
        try
        {
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, Path.Combine(Folder, name + ".eml"));
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
