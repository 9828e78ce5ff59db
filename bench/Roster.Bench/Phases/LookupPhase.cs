using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary>
/// <c>lookup</c>: <c>GET /Users?filter=userName eq "..."</c> for random users this run created (or, with
/// <c>--seeded-users</c>, random seeded users): what Okta and Entra send before every create or update to
/// match an existing account.
/// </summary>
internal static class LookupPhase
{
    private const int WarmUpLookups = 10;

    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<ProvisionedUser> users = context.Provisioned.Users;
        int seeded = context.Settings.SeededUsers;
        if (users.Count == 0 && seeded == 0)
        {
            context.Skip("lookup", "no users were created");
            return;
        }

        // Seeded users are drawn from the whole directory, so the index pages touched are spread like an IdP's.
        Func<string> randomUserName = seeded > 0
            ? () => SeededDirectory.UserName(Random.Shared.Next(seeded))
            : () => users[Random.Shared.Next(users.Count)].UserName;

        ScimClient client = context.Client;
        ScimResponse size = await client.SendAsync(HttpMethod.Get, "Users?count=0", null, null, cancellationToken);
        long? directoryUsers = size.IsSuccess ? ScimJson.TopLevelInteger(size.Body, "totalResults") : null;
        for (int index = 0; index < WarmUpLookups && !cancellationToken.IsCancellationRequested; index++)
        {
            await client.SendAsync(HttpMethod.Get, ScimLookup.UserByName(randomUserName()), null, null, cancellationToken);
        }

        PhaseRecorder recorder = context.BeginPhase("lookup", context.Settings.Lookups);
        await ConcurrentLoop.RunAsync(context.Settings.Lookups, context.Settings.Concurrency, async (_, token) =>
        {
            ScimResponse response = await client.SendAsync(HttpMethod.Get, ScimLookup.UserByName(randomUserName()), null, recorder, token);
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
}
