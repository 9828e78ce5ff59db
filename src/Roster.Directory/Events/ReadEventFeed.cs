using System.Diagnostics;
using System.Globalization;
using System.Text;
using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Events;

/// <summary>
/// A tenant's change feed: the events after a cursor, in commit order, with no gaps. Sequences
/// are taken inside the tenant's write lock and each commits before the next is taken, so every
/// sequence up to the newest visible one is committed: a page ends at that head and a reader
/// never later finds an event before its cursor. With a wait, a reader that is up to date is
/// answered as soon as a commit of its tenant is signalled (long polling).
/// </summary>
public sealed class ReadEventFeed(DirectoryDatabase database, EventFeedOptions options)
{
    public async Task<AdminResult<EventPage>> ExecuteAsync(Guid tenantId, EventFeedQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > EventFeedQuery.MaxLimit)
        {
            return AdminError.Validation($"The limit must be between 1 and {EventFeedQuery.MaxLimit}; it was {query.Limit}.") with { Field = "limit" };
        }

        if (query.After < 0)
        {
            return AdminError.Validation("The cursor must be 0 (the start of the feed) or the 'next' of an earlier page.") with { Field = "after" };
        }

        if (query.Types.FirstOrDefault(t => !EventTypes.IsPattern(t)) is { } unknown)
        {
            return AdminError.Validation($"'{unknown}' is not an event type; use a type such as user.created, a family such as user.*, or leave types out for all.") with { Field = "types" };
        }

        if (query.Wait < TimeSpan.Zero || query.Wait > EventFeedQuery.MaxWait)
        {
            return AdminError.Validation($"The wait must be between 0 and {EventFeedQuery.MaxWait.TotalSeconds:0} seconds.") with { Field = "wait" };
        }

        var waited = Stopwatch.StartNew();
        var after = query.After;
        while (true)
        {
            // Taken before the read: a commit between the read and the wait still wakes us.
            var changed = database.Events.Next(tenantId);
            var page = await ReadAsync(tenantId, query, after, cancellationToken);
            if (!page.IsSuccess || page.Value.Events.Count > 0)
            {
                return page;
            }

            var remaining = query.Wait - waited.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return page;
            }

            // Events of other types moved the head on: wait from there.
            after = page.Value.Next;
            var recheck = remaining < options.WaitRecheck ? remaining : options.WaitRecheck;
            await Task.WhenAny(changed, Task.Delay(recheck, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<AdminResult<EventPage>> ReadAsync(Guid tenantId, EventFeedQuery query, long after, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var bounds = await session.QueryAsync(
            $"SELECT (SELECT MIN(sequence) FROM events WHERE tenant_id = {SqlParameters.Tenant}), (SELECT MAX(sequence) FROM events WHERE tenant_id = {SqlParameters.Tenant})",
            session.Parameters(), reader => (Oldest: reader.IsDBNull(0) ? (long?)null : reader.GetInt64(0), Head: reader.IsDBNull(1) ? 0L : reader.GetInt64(1)), cancellationToken);
        var (oldest, head) = bounds[0];
        if (after > head)
        {
            return AdminError.Validation($"The cursor {after} is ahead of this feed, whose newest event is {head}; read from 0 or from a cursor Roster returned.") with { Field = "after" };
        }

        if (oldest is { } first && after < first - 1)
        {
            return AdminError.Gone(
                $"The events after {after} are older than the feed keeps ({options.Retention.TotalDays:0} days) and are gone. " +
                $"Resynchronize: note the head ({head.ToString(CultureInfo.InvariantCulture)}), read the users and groups anew (a snapshot), then read the feed after the head.");
        }

        if (after == head)
        {
            return new EventPage([], head, head);
        }

        var parameters = session.Parameters();
        var sql = new StringBuilder(
            $"SELECT sequence, type, payload FROM events WHERE tenant_id = {SqlParameters.Tenant} " +
            $"AND sequence > {parameters.Add(after)} AND sequence <= {parameters.Add(head)}");
        if (query.Types.Count > 0 && !query.Types.Contains("*"))
        {
            sql.Append(" AND (");
            sql.AppendJoin(" OR ", query.Types.Select(t => t.EndsWith(".*", StringComparison.Ordinal)
                ? $"substr(type, 1, {(t.Length - 1).ToString(CultureInfo.InvariantCulture)}) = {parameters.Add(t[..^1])}"
                : $"type = {parameters.Add(t)}"));
            sql.Append(')');
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY sequence LIMIT {parameters.Add((long)query.Limit)}");
        var events = await session.QueryAsync(sql.ToString(), parameters, reader => Read(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)), cancellationToken);
        var next = events.Count == query.Limit ? events[^1].Sequence : head;
        return new EventPage(events, next, head);
    }

    /// <summary>An event as consumers receive it: its stored JSON with the sequence put first.</summary>
    internal static FeedEvent Read(long sequence, string type, string payload) =>
        new(sequence, type, "{\"sequence\":" + sequence.ToString(CultureInfo.InvariantCulture) + "," + payload[1..]);
}
