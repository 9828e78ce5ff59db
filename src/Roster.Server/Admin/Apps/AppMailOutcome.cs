namespace Roster.Server.Admin.Apps;

/// <summary>Which technical contacts were emailed an app registration, and to which the email could not be sent.</summary>
public sealed record AppMailOutcome(IReadOnlyList<string> Sent, IReadOnlyList<string> Failed)
{
    public static AppMailOutcome None { get; } = new([], []);
}
