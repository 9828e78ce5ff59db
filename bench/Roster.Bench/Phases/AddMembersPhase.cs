using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary>
/// <c>members</c>: each of the first <c>--users</c> users joins one group (round robin), one PATCH per
/// membership, the way Entra ID pushes assignments.
/// </summary>
internal static class AddMembersPhase
{
    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> groups = context.Provisioned.GroupIds;
        IReadOnlyList<ProvisionedUser> users = context.Provisioned.Users;
        int count = Math.Min(context.Settings.Users, users.Count);
        if (groups.Count == 0 || count == 0)
        {
            context.Skip("members", groups.Count == 0 ? "no groups were created" : "no users were created");
            return;
        }

        PhaseRecorder recorder = context.BeginPhase("members", count);
        await ConcurrentLoop.RunAsync(count, context.Settings.Concurrency, async (index, token) =>
        {
            string groupId = groups[index % groups.Count];
            byte[] body = ScimRequestBody.AddMembers([users[index].Id]);
            await context.Client.SendAsync(HttpMethod.Patch, $"Groups/{Uri.EscapeDataString(groupId)}", body, recorder, token);
        }, cancellationToken);

        recorder.SetMetric("groups", groups.Count);
        recorder.SetMetric("membersPerGroup", Math.Ceiling(count / (double)groups.Count));
        context.Complete(recorder, cancellationToken);
    }
}
