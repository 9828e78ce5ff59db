using System.Collections.Concurrent;
using Roster.Directory.Mail;

namespace Roster.Server.Tests.Infrastructure;

/// <summary>
/// A mail sender that keeps what it is asked to send, so tests can follow invitation links; and
/// fails, as a mail server that refuses a recipient does, for the addresses given to <see cref="FailFor"/>.
/// </summary>
public sealed class CapturedMail : IMailSender
{
    private readonly ConcurrentQueue<OutgoingMail> _sent = new();
    private readonly ConcurrentDictionary<string, bool> _failing = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<OutgoingMail> Sent => _sent;

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (_failing.ContainsKey(mail.To))
        {
            throw new IOException($"The mail server refused {mail.To}.");
        }

        _sent.Enqueue(mail);
        return Task.CompletedTask;
    }

    /// <summary>Every email to <paramref name="address"/> fails from now on (addresses are unique per test).</summary>
    public void FailFor(string address) => _failing[address] = true;

    /// <summary>The newest email to <paramref name="to"/>.</summary>
    public OutgoingMail LastTo(string to) =>
        _sent.Last(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase));
}
