using Roster.Directory.Apps;

namespace Roster.Server.Admin.Apps;

/// <summary>
/// The answer to registering an app: the app and, for a confidential one, its client secret, shown
/// this once; and which technical contacts were emailed the registration (<see cref="MailedTo"/>)
/// and to which the email failed (<see cref="MailFailedTo"/>: the app is registered all the same).
/// </summary>
public sealed record RegisteredAppDocument(AppDocument App, string? ClientSecret, IReadOnlyList<string> MailedTo, IReadOnlyList<string> MailFailedTo)
{
    public static RegisteredAppDocument From(RegisteredApp registered, AppMailOutcome mail)
    {
        ArgumentNullException.ThrowIfNull(registered);
        ArgumentNullException.ThrowIfNull(mail);
        return new(AppDocument.From(registered.App), registered.ClientSecret, mail.Sent, mail.Failed);
    }
}
