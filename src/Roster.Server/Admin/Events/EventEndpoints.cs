using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Events;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Events;

/// <summary>
/// <c>GET /api/v1/orgs/{orgId}/events</c>: the organization's change feed in commit order, with no
/// gaps (docs/events.md); needs <c>events.read</c>, or an access token with the <c>events.read</c> scope.
/// </summary>
public static class EventEndpoints
{
    public static void MapEventEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        org.MapGet("/events", ReadAsync).RequirePermission(Permission.EventsRead.Key)
            .WithTags("Events")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("Events after the cursor (after=0 for the start), in commit order: limit 1-1000 (100), types=user.created,group.* (all), " +
                "wait=0-60s to hold the request until an event commits (long polling). 'next' is the cursor to ask with next. 410 when the cursor is older than the feed keeps.");
    }

    private static async Task<Results<EventPageResult, ProblemHttpResult>> ReadAsync(
        Guid orgId,
        ReadEventFeed feed,
        CancellationToken cancellationToken,
        string? after = null,
        string? limit = null,
        string? types = null,
        string? wait = null)
    {
        var cursor = 0L;
        if (!string.IsNullOrEmpty(after) && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out cursor)))
        {
            return AdminProblems.Validation("after", $"'{after}' is not a cursor of this feed: use 0 for the start, or the 'next' of the previous page.");
        }

        var size = EventFeedQuery.DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            return AdminProblems.Validation("limit", $"The limit must be a whole number between 1 and {EventFeedQuery.MaxLimit}.");
        }

        if (!TryParseWait(wait, out var waitFor))
        {
            return AdminProblems.Validation("wait", $"'{wait}' is not a wait: give seconds, e.g. wait=30s or wait=30, at most {EventFeedQuery.MaxWait.TotalSeconds:0}.");
        }

        var query = new EventFeedQuery
        {
            After = cursor,
            Limit = size,
            Types = string.IsNullOrEmpty(types) ? [] : types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Wait = waitFor,
        };
        var result = await feed.ExecuteAsync(orgId, query, cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error);
        }

        return new EventPageResult(result.Value);
    }

    private static bool TryParseWait(string? text, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var number = text.EndsWith('s') ? text[..^1] : text;
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= EventFeedQuery.MaxWait.TotalSeconds)
        {
            wait = TimeSpan.FromSeconds(seconds);
            return true;
        }

        return false;
    }
}
