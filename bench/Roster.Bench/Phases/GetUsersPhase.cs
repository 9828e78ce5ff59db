using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary>
/// <c>get</c>: <c>GET /Users/{id}</c> for random users this run created, as many as <c>--lookups</c>:
/// what an IdP sends to read back one account it already knows; the cheapest read a server has.
/// </summary>
internal static class GetUsersPhase
{
    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<ProvisionedUser> users = context.Provisioned.Users;
        if (users.Count == 0)
        {
            context.Skip("get", "no users were created");
            return;
        }

        ScimClient client = context.Client;
        PhaseRecorder recorder = context.BeginPhase("get", context.Settings.Lookups);
        await ConcurrentLoop.RunAsync(context.Settings.Lookups, context.Settings.Concurrency, async (_, token) =>
        {
            ProvisionedUser user = users[Random.Shared.Next(users.Count)];
            await client.SendAsync(HttpMethod.Get, $"Users/{Uri.EscapeDataString(user.Id)}", null, recorder, token);
        }, cancellationToken);

        context.Complete(recorder, cancellationToken);
    }
}
