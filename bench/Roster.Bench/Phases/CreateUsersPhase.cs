using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary><c>create</c>: POST /Users for every user, as an IdP's first sync does, at the run's concurrency.</summary>
internal static class CreateUsersPhase
{
    // Created untimed first so the server's first-request costs (JIT, prepared statements) stay out of the numbers.
    private const int WarmUpUsers = 3;

    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        BenchNames names = context.Names;
        ScimClient client = context.Client;
        for (int index = 0; index < WarmUpUsers && !cancellationToken.IsCancellationRequested; index++)
        {
            string warmUpName = $"warmup-{index}-{names.UserName(index)}";
            await client.SendAsync(HttpMethod.Post, "Users", ScimRequestBody.CreateUser(warmUpName, warmUpName, index), null, cancellationToken);
        }

        int count = context.Plan.UsersToCreate;
        bool keep = context.Plan.KeepCreatedUsers;
        ProvisionedUser?[] created = new ProvisionedUser?[keep ? count : 0];
        PhaseRecorder recorder = context.BeginPhase("create", count);
        await ConcurrentLoop.RunAsync(count, context.Settings.Concurrency, async (index, token) =>
        {
            string userName = names.UserName(index);
            byte[] body = ScimRequestBody.CreateUser(userName, names.ExternalId(index), index);
            ScimResponse response = await client.SendAsync(HttpMethod.Post, "Users", body, recorder, token);
            if (!response.IsSuccess || !keep)
            {
                return;
            }

            string? id = ScimJson.TopLevelString(response.Body, "id");
            if (id is null)
            {
                recorder.RecordWrongAnswer("no-id", response.Body);
                return;
            }

            created[index] = new ProvisionedUser(id, userName);
        }, cancellationToken);

        context.Provisioned.AddUsers(created);
        recorder.SetMetric("concurrency", context.Settings.Concurrency);
        context.Complete(recorder, cancellationToken);
    }
}
