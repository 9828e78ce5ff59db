using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary><c>groups</c>: POST /Groups for each group, with no members (IdPs add members afterwards).</summary>
internal static class CreateGroupsPhase
{
    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        int count = context.Settings.Groups;
        if (count == 0)
        {
            context.Skip("groups", "--groups is 0");
            return;
        }

        string?[] ids = new string?[count];
        PhaseRecorder recorder = context.BeginPhase("groups", count);
        await ConcurrentLoop.RunAsync(count, context.Settings.Concurrency, async (index, token) =>
        {
            byte[] body = ScimRequestBody.CreateGroup(context.Names.GroupName(index));
            ScimResponse response = await context.Client.SendAsync(HttpMethod.Post, "Groups", body, recorder, token);
            if (response.IsSuccess)
            {
                ids[index] = ScimJson.TopLevelString(response.Body, "id");
                if (ids[index] is null)
                {
                    recorder.RecordWrongAnswer("no-id", response.Body);
                }
            }
        }, cancellationToken);

        context.Provisioned.AddGroups(ids);
        context.Complete(recorder, cancellationToken);
    }
}
