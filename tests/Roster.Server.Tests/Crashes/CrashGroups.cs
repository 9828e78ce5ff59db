using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Crashes;

/// <summary>The groups of a crash test, created before any kill: display name to id.</summary>
public static class CrashGroups
{
    public static async Task<IReadOnlyDictionary<string, string>> CreateAsync(KillableServer server, IEnumerable<string> displayNames)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(displayNames);
        using var client = server.CreateScimClient();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in displayNames)
        {
            ids[name] = (await client.CreateGroupAsync(name)).Id();
        }

        return ids;
    }
}
