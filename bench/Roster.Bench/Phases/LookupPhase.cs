using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary>
/// <c>lookup</c>: <c>GET /Users?filter=userName eq "..."</c> for random users this run created: what Okta and
/// Entra send before every create or update to match an existing account.
/// </summary>
internal static class LookupPhase
{
    private const int WarmUpLookups = 10;

    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<ProvisionedUser> users = context.Provisioned.Users;
        if (users.Count == 0)
        {
            context.Skip("lookup", "no users were created");
            return;
        }

        ScimClient client = context.Client;
        ScimResponse size = await client.SendAsync(HttpMethod.Get, "Users?count=0", null, null, cancellationToken);
        long? directoryUsers = size.IsSuccess ? ScimJson.TopLevelInteger(size.Body, "totalResults") : null;
        for (int index = 0; index < WarmUpLookups && !cancellationToken.IsCancellationRequested; index++)
        {
            await client.SendAsync(HttpMethod.Get, LookupUri(users[index % users.Count]), null, null, cancellationToken);
        }

        PhaseRecorder recorder = context.BeginPhase("lookup", context.Settings.Lookups);
        await ConcurrentLoop.RunAsync(context.Settings.Lookups, context.Settings.Concurrency, async (_, token) =>
        {
            ProvisionedUser user = users[Random.Shared.Next(users.Count)];
            ScimResponse response = await client.SendAsync(HttpMethod.Get, LookupUri(user), null, recorder, token);
            if (response.IsSuccess && ScimJson.TopLevelInteger(response.Body, "totalResults") != 1)
            {
                recorder.RecordWrongAnswer("totalResults!=1", response.Body);
            }
        }, cancellationToken);

        if (directoryUsers is long total)
        {
            recorder.SetMetric("directoryUsers", total);
        }

        context.Complete(recorder, cancellationToken);
    }

    private static string LookupUri(ProvisionedUser user)
    {
        return "Users?filter=" + Uri.EscapeDataString($"userName eq \"{user.UserName}\"");
    }
}
