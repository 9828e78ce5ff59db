namespace Roster.Directory.Events;

/// <summary>How long the feed keeps events (<c>Roster:Events:RetentionDays</c>, 30 by default).</summary>
public sealed class EventFeedOptions
{
    public const string Section = "Roster:Events";

    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often a waiting reader looks again without a signal: the bound on hearing of a commit made by another process on SQLite (the CLI).</summary>
    public TimeSpan WaitRecheck { get; set; } = TimeSpan.FromSeconds(1);
}
