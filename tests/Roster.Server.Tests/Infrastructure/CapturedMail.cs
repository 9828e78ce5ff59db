using System.Collections.Concurrent;
using Roster.Directory.Mail;

namespace Roster.Server.Tests.Infrastructure;

/// <summary>A mail sender that keeps what it is asked to send, so tests can follow invitation links.</summary>
public sealed class CapturedMail : IMailSender
{
    private readonly ConcurrentQueue<OutgoingMail> _sent = new();

    public IReadOnlyCollection<OutgoingMail> Sent => _sent;

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        _sent.Enqueue(mail);
        return Task.CompletedTask;
    }

    /// <summary>The newest email to <paramref name="to"/>.</summary>
    public OutgoingMail LastTo(string to) =>
        _sent.Last(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase));
}
