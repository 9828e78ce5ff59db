using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary>
/// <c>bigmember</c>: fills one group to <c>--big-group-members</c> with batched PATCH adds, then times adding
/// (and removing) ONE member at that size: the cost an IdP pays for every assignment to an "All staff" group.
/// </summary>
internal static class BigGroupPhase
{
    private const int BatchSize = 1_000;
    private const int SingleMemberChanges = 1000;
    private const int WarmUpChanges = 20;

    // A failed batch is retried so the group really reaches its size before single adds are timed.
    private const int MaxAttemptsPerBatch = 3;

    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.SeededUsers > 0)
        {
            await SeededBigGroupPhase.RunAsync(context, cancellationToken);
            return;
        }

        IReadOnlyList<ProvisionedUser> users = context.Provisioned.Users;
        int spares = PhasePlan.SpareUsersForBigGroup;
        int target = Math.Min(context.Settings.BigGroupMembers, users.Count - spares);
        if (target < 1)
        {
            context.Skip("bigmember-fill", $"needs more than {spares} created users, have {users.Count}");
            return;
        }

        string? note = target < context.Settings.BigGroupMembers ? $"only {users.Count} users were created" : null;
        PhaseRecorder fill = context.BeginPhase("bigmember-fill", (target / BatchSize) + 2);
        string? groupId = await CreateGroupAsync(context, fill, cancellationToken);
        if (groupId is null)
        {
            context.Complete(fill, cancellationToken, "could not create the big group");
            return;
        }

        string groupPath = $"Groups/{Uri.EscapeDataString(groupId)}";
        long members = await FillAsync(context, groupPath, users, target, fill, cancellationToken);
        double seconds = fill.Elapsed.TotalSeconds;
        fill.SetMetric("groupSize", members);
        fill.SetMetric("membersPerSecond", seconds > 0 ? members / seconds : 0);
        fill.SetMetric("batchSize", BatchSize);
        context.Complete(fill, cancellationToken, note);
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        string[] spareIds = [.. Enumerable.Range(target, spares).Select(index => users[index].Id)];
        await ChangeOneMemberAsync(context, groupPath, spareIds, members, cancellationToken);
    }

    /// <summary>
    /// Adds one user outside the group, then removes it again, <see cref="SingleMemberChanges"/> times: the
    /// p50/p99 of each is the cost of a single membership change at a group size of <paramref name="members"/>.
    /// </summary>
    public static async Task ChangeOneMemberAsync(
        BenchContext context, string groupPath, IReadOnlyList<string> spareIds, long members, CancellationToken cancellationToken,
        string addName = "bigmember-add1", string removeName = "bigmember-remove1")
    {
        // Untimed first: a server's first PATCH of a group compiles its write path (JIT, the database
        // driver's statements), a cost paid once per process, not once per change.
        for (int warm = 0; warm < WarmUpChanges && !cancellationToken.IsCancellationRequested; warm++)
        {
            string warmId = spareIds[warm % spareIds.Count];
            await context.Client.SendAsync(HttpMethod.Patch, groupPath, ScimRequestBody.AddMembers([warmId]), null, cancellationToken);
            await context.Client.SendAsync(HttpMethod.Patch, groupPath, ScimRequestBody.RemoveMember(warmId), null, cancellationToken);
        }

        PhaseRecorder add = context.BeginPhase(addName, SingleMemberChanges);
        PhaseRecorder remove = new(removeName, SingleMemberChanges, context.Output);
        for (int change = 0; change < SingleMemberChanges && !cancellationToken.IsCancellationRequested; change++)
        {
            string spareId = spareIds[change % spareIds.Count];
            await context.Client.SendAsync(HttpMethod.Patch, groupPath, ScimRequestBody.AddMembers([spareId]), add, cancellationToken);
            await context.Client.SendAsync(HttpMethod.Patch, groupPath, ScimRequestBody.RemoveMember(spareId), remove, cancellationToken);
        }

        add.SetMetric("groupSize", members);
        remove.SetMetric("groupSize", members + 1);
        context.Complete(add, cancellationToken);
        context.Complete(remove, cancellationToken);
    }

    private static async Task<string?> CreateGroupAsync(BenchContext context, PhaseRecorder recorder, CancellationToken cancellationToken)
    {
        byte[] body = ScimRequestBody.CreateGroup(context.Names.BigGroupName());
        ScimResponse response = await context.Client.SendAsync(HttpMethod.Post, "Groups", body, recorder, cancellationToken);
        if (!response.IsSuccess)
        {
            return null;
        }

        string? id = ScimJson.TopLevelString(response.Body, "id");
        if (id is null)
        {
            recorder.RecordWrongAnswer("no-id", response.Body);
        }

        return id;
    }

    // Like an IdP, retry what may be transient; each attempt still counts as a request and its error as an error.
    private static bool IsWorthRetrying(ScimResponse response)
    {
        return response.Outcome is ScimOutcome.TimedOut or ScimOutcome.TransportFailed
            || response.StatusCode is 429 or >= 500;
    }

    /// <summary>
    /// Sends the batches one after another: an IdP serialises changes to one group, and concurrent PATCHes
    /// of one row would measure lock contention rather than how the cost grows with the group's size.
    /// </summary>
    /// <returns>How many members the server accepted.</returns>
    private static async Task<long> FillAsync(BenchContext context, string groupPath, IReadOnlyList<ProvisionedUser> users, int target, PhaseRecorder recorder, CancellationToken cancellationToken)
    {
        long accepted = 0;
        for (int offset = 0; offset < target && !cancellationToken.IsCancellationRequested; offset += BatchSize)
        {
            int size = Math.Min(BatchSize, target - offset);
            byte[] body = ScimRequestBody.AddMembers(Enumerable.Range(offset, size).Select(index => users[index].Id));
            for (int attempt = 1; attempt <= MaxAttemptsPerBatch && !cancellationToken.IsCancellationRequested; attempt++)
            {
                ScimResponse response = await context.Client.SendAsync(HttpMethod.Patch, groupPath, body, recorder, cancellationToken);
                if (response.IsSuccess)
                {
                    accepted += size;
                    break;
                }

                if (!IsWorthRetrying(response))
                {
                    break;
                }
            }
        }

        return accepted;
    }
}
