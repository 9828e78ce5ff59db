using System.Text;

using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary>
/// <c>list</c>: the full reads an IdP does to reconcile: every user by <c>startIndex</c> paging, again by
/// RFC 9865 cursor when the server advertises it, and every group without its members.
/// </summary>
internal static class ListPhase
{
    private const int PageSize = 100;

    // Stops a server whose paging never ends (a repeated cursor, a wrong totalResults) from looping forever.
    private const int MaxPages = 1_000_000;

    /// <summary>
    /// Each walk gets its own <c>--phase-timeout</c>: a startIndex walk of a million users, whose pages cost
    /// more the deeper they are, must not use up the time of the cursor and group walks after it.
    /// </summary>
    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await WithWalkLimitAsync(context, token => WalkByIndexAsync(context, "list-index", "Users?", token), cancellationToken);
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        if (context.Features.CursorPagination)
        {
            await WithWalkLimitAsync(context, token => WalkByCursorAsync(context, "list-cursor", token), cancellationToken);
        }
        else
        {
            context.Skip("list-cursor", "server does not advertise cursor paging (RFC 9865 pagination.cursor) in /ServiceProviderConfig");
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            await WithWalkLimitAsync(context, token => WalkByIndexAsync(context, "list-groups", "Groups?excludedAttributes=members&", token), cancellationToken);
        }
    }

    private static async Task WithWalkLimitAsync(BenchContext context, Func<CancellationToken, Task> walk, CancellationToken cancellationToken)
    {
        using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(context.Settings.PhaseTimeout);
        await walk(limit.Token);
    }

    private static async Task WalkByIndexAsync(BenchContext context, string name, string query, CancellationToken cancellationToken)
    {
        await context.Client.SendAsync(HttpMethod.Get, $"{query}startIndex=1&count={PageSize}", null, null, cancellationToken);

        PhaseRecorder recorder = context.BeginPhase(name, 0);
        WalkProgress progress = new();
        long startIndex = 1;
        while (!cancellationToken.IsCancellationRequested && progress.Pages < MaxPages)
        {
            ScimResponse response = await context.Client.SendAsync(HttpMethod.Get, $"{query}startIndex={startIndex}&count={PageSize}", null, recorder, cancellationToken);
            if (ReadPage(response, recorder) is not ListResponsePage page)
            {
                break;
            }

            progress.Add(page);
            if (page.TotalResults is null)
            {
                recorder.RecordWrongAnswer("no-totalResults", response.Body);
                break;
            }

            if (page.ResourceCount == 0 || progress.Resources >= page.TotalResults)
            {
                break;
            }

            // Advance by what the server returned: it may cap count below what was asked (RFC 7644 §3.4.2.4).
            startIndex += page.ResourceCount;
        }

        Finish(context, recorder, progress, cancellationToken);
    }

    private static async Task WalkByCursorAsync(BenchContext context, string name, CancellationToken cancellationToken)
    {
        PhaseRecorder recorder = context.BeginPhase(name, 0);
        WalkProgress progress = new();
        string cursor = string.Empty;
        while (!cancellationToken.IsCancellationRequested && progress.Pages < MaxPages)
        {
            string uri = $"Users?cursor={Uri.EscapeDataString(cursor)}&count={PageSize}";
            ScimResponse response = await context.Client.SendAsync(HttpMethod.Get, uri, null, recorder, cancellationToken);
            if (ReadPage(response, recorder) is not ListResponsePage page)
            {
                break;
            }

            progress.Add(page);
            if (page.NextCursor is null)
            {
                break;
            }

            if (page.NextCursor == cursor)
            {
                recorder.RecordWrongAnswer("cursor-repeats", response.Body);
                break;
            }

            cursor = page.NextCursor;
        }

        Finish(context, recorder, progress, cancellationToken);
    }

    private static ListResponsePage? ReadPage(ScimResponse response, PhaseRecorder recorder)
    {
        // A failed page ends the walk: its status is already counted, and later pages would be guesses.
        if (!response.IsSuccess)
        {
            return null;
        }

        ListResponsePage? page = ListResponsePage.TryParse(response.Body);
        if (page is null)
        {
            recorder.RecordWrongAnswer("not-a-ListResponse", response.Body);
        }

        return page;
    }

    private static void Finish(BenchContext context, PhaseRecorder recorder, WalkProgress progress, CancellationToken cancellationToken)
    {
        if (!cancellationToken.IsCancellationRequested && progress.TotalResults is long total && progress.Resources != total)
        {
            recorder.RecordWrongAnswer("walk-incomplete", Encoding.UTF8.GetBytes($"walked {progress.Resources} resources, totalResults says {total}"));
        }

        double seconds = recorder.Elapsed.TotalSeconds;
        recorder.SetMetric("pages", progress.Pages);
        recorder.SetMetric("pagesPerSecond", seconds > 0 ? progress.Pages / seconds : 0);
        recorder.SetMetric("resources", progress.Resources);
        context.Complete(recorder, cancellationToken);
    }
}
