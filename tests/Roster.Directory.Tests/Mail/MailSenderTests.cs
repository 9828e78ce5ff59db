using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Roster.Directory.Mail;

namespace Roster.Directory.Tests.Mail;

public sealed class MailSenderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "roster-directory-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_pickup_folder_sender_writes_one_parseable_eml_per_message_and_nothing_else()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero));
        var sender = new PickupFolderMailSender(new MailOptions { PickupFolder = _folder, From = "Roster <roster@example.com>" }, time);

        await sender.SendAsync(new OutgoingMail("ada@example.com", "Hello Ada", "plain <text>", "<p>html &amp; more</p>"), CancellationToken.None);
        await sender.SendAsync(new OutgoingMail("grace@example.com", "Hello Grace", "text", "<p>html</p>"), CancellationToken.None);

        Assert.Equal(2, System.IO.Directory.GetFiles(_folder).Length);
        var messages = System.IO.Directory.GetFiles(_folder, "*.eml").Select(f => MimeMessage.Load(f)).OrderBy(m => m.Subject, StringComparer.Ordinal).ToList();
        Assert.Equal(["Hello Ada", "Hello Grace"], messages.Select(m => m.Subject));
        var ada = messages[0];
        Assert.Equal("roster@example.com", ada.From.Mailboxes.Single().Address);
        Assert.Equal("ada@example.com", ada.To.Mailboxes.Single().Address);
        Assert.Equal(time.GetUtcNow(), ada.Date);
        Assert.Equal("plain <text>", ada.TextBody?.TrimEnd());
        Assert.Equal("<p>html &amp; more</p>", ada.HtmlBody?.TrimEnd());
        Assert.False(string.IsNullOrEmpty(ada.MessageId));
    }

    [Fact]
    public void AddRosterMail_picks_SMTP_when_a_host_is_set_and_the_pickup_folder_otherwise_whatever_the_order()
    {
        using var pickup = new ServiceCollection().AddRosterDirectory().BuildServiceProvider();
        using var smtpAfter = new ServiceCollection().AddRosterDirectory().AddRosterMail(new MailOptions { SmtpHost = "smtp.example.com" }).BuildServiceProvider();
        using var smtpBefore = new ServiceCollection().AddRosterMail(new MailOptions { SmtpHost = "smtp.example.com" }).AddRosterDirectory().BuildServiceProvider();

        Assert.IsType<PickupFolderMailSender>(pickup.GetRequiredService<IMailSender>());
        Assert.IsType<SmtpMailSender>(smtpAfter.GetRequiredService<IMailSender>());
        Assert.IsType<SmtpMailSender>(smtpBefore.GetRequiredService<IMailSender>());
    }

    [Fact]
    public void Mail_options_never_show_the_SMTP_password()
    {
        var options = new MailOptions { SmtpHost = "smtp.example.com", UserName = "roster", Password = "s3cret-smtp-password" };

        Assert.DoesNotContain("s3cret", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("smtp.example.com", options.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}
