using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary><c>patch</c>: one PATCH /Users/{id} per sampled user, alternating Okta-style and Entra-style bodies.</summary>
internal static class PatchUsersPhase
{
    private const int MaxSample = 5_000;

    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<ProvisionedUser> users = context.Provisioned.Users;
        int sampleSize = Math.Min(Math.Min(context.Settings.Users, MaxSample), users.Count);
        if (sampleSize == 0)
        {
            context.Skip("patch", "no users were created");
            return;
        }

        // A random sample, so the patched rows are spread over the table as an IdP's updates are.
        ProvisionedUser[] sample = [.. users];
        Random.Shared.Shuffle(sample);

        PhaseRecorder recorder = context.BeginPhase("patch", sampleSize);
        await ConcurrentLoop.RunAsync(sampleSize, context.Settings.Concurrency, async (index, token) =>
        {
            byte[] body = index % 2 == 0
                ? ScimRequestBody.DeactivateUser()
                : ScimRequestBody.RenameUserEntraStyle($"Renamed{index}");
            await context.Client.SendAsync(HttpMethod.Patch, $"Users/{Uri.EscapeDataString(sample[index].Id)}", body, recorder, token);
        }, cancellationToken);

        recorder.SetMetric("oktaStyle", (sampleSize + 1) / 2);
        recorder.SetMetric("entraStyle", sampleSize / 2);
        context.Complete(recorder, cancellationToken);
    }
}
