using System.Diagnostics;
using System.Text.Json;

namespace Roster.Server.Tests.Events;

/// <summary>
/// A signature check by a third party: the <c>standardwebhooks</c> npm package, run with Node in
/// <c>Events/StandardWebhooksCheck</c> of the source tree (scripts/test.sh runs <c>npm ci</c> there).
/// </summary>
public static class StandardWebhooksCheck
{
    /// <summary>The event type when the package verifies <paramref name="webhook"/> with <paramref name="secret"/>; throws otherwise.</summary>
    public static async Task<(bool Verified, string Output)> VerifyAsync(string secret, ReceivedWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var folder = Folder();
        Assert.True(System.IO.Directory.Exists(Path.Combine(folder, "node_modules", "standardwebhooks")),
            $"The standardwebhooks npm package is not installed: run 'npm ci' in {folder} (scripts/test.sh does).");
        var start = new ProcessStartInfo("node", "verify.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start; Node.js is needed for this test.");
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(new { secret, id = webhook.Id, timestamp = webhook.Timestamp, signature = webhook.Signature, body = webhook.Body }));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode == 0, (output + error).Trim());
    }

    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Roster.slnx")))
            {
                return Path.Combine(directory.FullName, "tests", "Roster.Server.Tests", "Events", "StandardWebhooksCheck");
            }
        }

        throw new InvalidOperationException("The source tree (Roster.slnx) is not above the test's folder.");
    }
}
