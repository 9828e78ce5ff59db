using Roster.Directory.Audit;

namespace Roster.Server.Console.Activity;

/// <summary>
/// What the tenant's identity providers did over the last <see cref="Days"/> days: counts per IdP
/// and kind, events per day, and the latest events. Built from the audit log, in which every SCIM
/// write is recorded in its own transaction; at most <see cref="MaxEvents"/> events are read.
/// </summary>
public sealed class ProvisioningActivity
{
    public const int Days = 30;
    public const int MaxEvents = 2_000;
    private const int PageSize = AuditQuery.MaxPageSize;

    private ProvisioningActivity(DateOnly firstDay, IReadOnlyList<ProvisioningEvent> events, bool truncated)
    {
        FirstDay = firstDay;
        Events = events;
        Truncated = truncated;
        PerDay = [.. Enumerable.Range(0, Days).Select(i => firstDay.AddDays(i)).Select(d => new DayCount(d, events.Count(e => DateOnly.FromDateTime(e.Occurred.UtcDateTime) == d)))];
        PerClient = [.. events.GroupBy(e => e.Client, StringComparer.Ordinal)
            .Select(g => new ClientActivity(g.Key, g.Max(e => e.Occurred), Enum.GetValues<ProvisioningEventKind>().ToDictionary(k => k, k => g.Count(e => e.Kind == k))))
            .OrderByDescending(c => c.LastEvent)];
    }

    public DateOnly FirstDay { get; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<ProvisioningEvent> Events { get; }

    /// <summary>True when there were more than <see cref="MaxEvents"/> events: the counts cover the newest ones.</summary>
    public bool Truncated { get; }

    public IReadOnlyList<DayCount> PerDay { get; }

    public IReadOnlyList<ClientActivity> PerClient { get; }

    public static async Task<ProvisioningActivity> ReadAsync(ListAuditEvents audit, Guid tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var firstDay = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - Days);
        var from = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var events = new List<ProvisioningEvent>();
        string? cursor = null;
        var read = 0;
        do
        {
            var page = await audit.ExecuteAsync(tenantId, new AuditQuery { From = from, PageSize = PageSize, Cursor = cursor }, cancellationToken);
            if (!page.IsSuccess)
            {
                break;
            }

            read += page.Value.Events.Count;
            events.AddRange(page.Value.Events.Select(ProvisioningEvent.From).OfType<ProvisioningEvent>());
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null && read < MaxEvents);

        return new ProvisioningActivity(firstDay, events, cursor is not null);
    }
}

/// <summary>How many provisioning events a day had.</summary>
public sealed record DayCount(DateOnly Day, int Count);

/// <summary>One identity provider's writes, by kind, and when it last wrote.</summary>
public sealed record ClientActivity(string Client, DateTimeOffset LastEvent, IReadOnlyDictionary<ProvisioningEventKind, int> Counts);
