using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// What Roster answers over SCIM for the tenant: every user (paged) and the members of the
/// groups the workers use, as the same fact lines as <see cref="WorkerModel.Facts"/>.
/// </summary>
public sealed class ServerSnapshot
{
    private const int PageSize = 500;

    private readonly List<string> _facts = [];

    public Dictionary<string, string> UserIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Anything that belongs to no worker: a member id that is no user, a user of no worker.</summary>
    public List<string> Strays { get; } = [];

    public int Users => UserIds.Count;

    public static async Task<ServerSnapshot> ReadAsync(HttpClient client, IReadOnlyDictionary<string, string> groupIds, IReadOnlyCollection<string> userPrefixes)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(groupIds);
        var snapshot = new ServerSnapshot();
        var userNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var start = 1; ; start += PageSize)
        {
            using var response = await client.GetAsync($"Users?startIndex={start}&count={PageSize}");
            response.EnsureSuccessStatusCode();
            var page = await response.ReadObjectAsync();
            var resources = page["Resources"]?.AsArray() ?? [];
            foreach (var user in resources.Select(r => r!.AsObject()))
            {
                var userName = (string)user["userName"]!;
                snapshot.UserIds[userName] = user.Id();
                userNames[user.Id()] = userName;
                var version = long.Parse(((string)user["meta"]!["version"]!).Trim('W', '/', '"'), System.Globalization.CultureInfo.InvariantCulture);
                snapshot._facts.Add(ModelUser.UserFact(userName, (string?)user["displayName"], (string?)user["title"], (bool?)user["active"] ?? false, version));
                if (!userPrefixes.Any(p => userName.StartsWith(p, StringComparison.Ordinal)))
                {
                    snapshot.Strays.Add($"user {userName} of no worker");
                }
            }

            if (resources.Count == 0 || start + resources.Count > (int)page["totalResults"]!)
            {
                break;
            }
        }

        foreach (var (group, id) in groupIds)
        {
            using var response = await client.GetAsync($"Groups/{id}");
            response.EnsureSuccessStatusCode();
            foreach (var member in (await response.ReadObjectAsync())["members"]?.AsArray() ?? [])
            {
                var memberId = (string)member!["value"]!;
                if (userNames.TryGetValue(memberId, out var userName))
                {
                    snapshot._facts.Add(new Membership(group, userName).Fact);
                }
                else
                {
                    snapshot.Strays.Add($"member {memberId} of {group} is no user");
                }
            }
        }

        return snapshot;
    }

    /// <summary>The facts about the users whose userName starts with <paramref name="userPrefix"/>, sorted.</summary>
    public List<string> FactsOf(string userPrefix) =>
        [.. _facts.Where(f => f.Split(' ') is [_, var first, var second, ..] && (f.StartsWith("user ", StringComparison.Ordinal) ? first : second).StartsWith(userPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
}
