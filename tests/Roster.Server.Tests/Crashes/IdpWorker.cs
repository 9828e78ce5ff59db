using System.Net;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// One IdP connection pushing changes one after the other, as Okta or Entra ID does: creates,
/// updates, deactivations and deletes of its own users (userNames <c>w{index}-...</c>), member
/// adds and removes of them in the shared groups, and PUTs of a group of its own. It records every
/// outcome: acknowledged (2xx, applied to <see cref="Model"/>), refused (any other status: a
/// failure, since every request is valid), or unknown (no answer: the server died with the
/// request in flight), which stops the worker until <see cref="RetryAsync"/> after the restart.
/// </summary>
/// <remarks>
/// With <paramref name="unavailableIsUnknown"/>, a 503 with <c>Retry-After</c> counts as no answer
/// too: the database behind Roster was unreachable (a failover), the request may or may not have
/// been committed, and an IdP retries it, as <see cref="RetryAsync"/> does until it gets an answer.
/// A 500, or a 503 without <c>Retry-After</c>, is a failure: Roster must say the outage precisely.
/// </remarks>
public sealed class IdpWorker(int index, int seed, IReadOnlyList<string> sharedGroups, bool unavailableIsUnknown = false)
{
    private const int FewUsers = 4;
    private const int ManyUsers = 16;

    private readonly Random _random = new(seed);
    private int _created;

    public int Index => index;

    public WorkerModel Model { get; private set; } = new();

    /// <summary>The request whose answer was lost, to be sent again once the server is back.</summary>
    public IdpOperation? Pending { get; private set; }

    private int _acknowledged;

    /// <summary>Read by the test while the worker runs, to kill only once the load is going.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public int Unknown { get; private set; }

    /// <summary>How many of the unknown requests had been applied when the server died.</summary>
    public int UnknownApplied { get; private set; }

    public int Retried { get; private set; }

    public List<string> Failures { get; } = [];

    public string OwnGroup => $"private-{index}";

    public string UserPrefix => $"w{index}-";

    /// <summary>Sends requests until one gets no answer (the server was killed) or <paramref name="stop"/>.</summary>
    public async Task RunAsync(HttpClient client, IReadOnlyDictionary<string, string> groupIds, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && Pending is null)
        {
            var operation = Next();
            HttpResponseMessage response;
            try
            {
                // Not cancelled by stop: a request cut short by the test would be an unknown of the test's making.
                response = await client.SendAsync(operation.Request(groupIds), CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Pending = operation;
                Unknown++;
                return;
            }

            using (response)
            {
                if (unavailableIsUnknown && Unavailable(response))
                {
                    Pending = operation;
                    Unknown++;
                    return;
                }

                await RecordAsync(operation, response);
            }
        }
    }

    /// <summary>The refusal of a server whose database is unreachable for a while: 503 with the delay to retry after.</summary>
    public static bool Unavailable(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta is { } delay && delay > TimeSpan.Zero;
    }

    /// <summary>
    /// Takes the state Roster holds for this worker's users after a crash: it must be the model,
    /// or the model with the pending request applied (the request got in before the kill). Returns
    /// what is wrong, or null.
    /// </summary>
    public string? Reconcile(ServerSnapshot snapshot)
    {
        var actual = snapshot.FactsOf(UserPrefix);
        var candidates = new List<WorkerModel> { Model };
        if (Pending is not null)
        {
            var applied = Model.Clone();
            Pending.Apply(applied, answer: null);
            candidates.Add(applied);
        }

        var match = candidates.FirstOrDefault(c => c.Facts().SequenceEqual(actual));
        if (match is null)
        {
            var expected = Model.Facts();
            return $"worker {index} (pending: {Pending?.ToString() ?? "none"}): missing [{string.Join("; ", expected.Except(actual))}], " +
                $"unexpected [{string.Join("; ", actual.Except(expected))}]";
        }

        foreach (var (userName, user) in match.Users.ToList())
        {
            var id = snapshot.UserIds[userName];
            if (user.Id is null)
            {
                match.Users[userName] = user with { Id = id };
            }
            else if (user.Id != id)
            {
                return $"worker {index}: {userName} was acknowledged with id {user.Id}, Roster has it as {id}";
            }
        }

        if (!ReferenceEquals(match, Model) && !match.Facts().SequenceEqual(Model.Facts()))
        {
            UnknownApplied++;
        }

        Model = match;
        return null;
    }

    /// <summary>Sends the pending request again, the way an IdP retries, until Roster holds what was intended.</summary>
    public async Task RetryAsync(HttpClient client, IReadOnlyDictionary<string, string> groupIds)
    {
        if (Pending is not { } operation)
        {
            return;
        }

        Pending = null;
        Retried++;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(operation.Request(groupIds));
        }
        catch (Exception e) when (unavailableIsUnknown && e is HttpRequestException or TaskCanceledException or IOException)
        {
            Pending = operation;
            return;
        }

        using var answered = response;
        if (unavailableIsUnknown && Unavailable(response))
        {
            Pending = operation;
            return;
        }

        if (operation is CreateUser create && response.StatusCode == HttpStatusCode.Conflict)
        {
            // The first POST got in: find the user by userName and make it what was intended.
            using var found = await client.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{create.UserName}\"")}");
            if (unavailableIsUnknown && Unavailable(found))
            {
                Pending = operation;
                return;
            }

            var resources = (await found.ReadObjectAsync())["Resources"]!.AsArray();
            if (unavailableIsUnknown && resources.Count == 1 && !Model.Users.ContainsKey(create.UserName))
            {
                // Its answer was lost with the primary, but the create was committed: it holds as created.
                create.Apply(Model, resources[0]!.AsObject());
            }

            if (resources.Count != 1 || !Model.Users.TryGetValue(create.UserName, out var existing) || existing.Id != resources[0]!.AsObject().Id())
            {
                Failures.Add($"retry of {create}: 409, then {resources.Count} users found by userName, model has {Model.Users.GetValueOrDefault(create.UserName)}");
                return;
            }

            var replace = new ReplaceUser(create.UserName, existing.Id!, create.DisplayName, create.Title);
            using var replaced = await client.SendAsync(replace.Request(groupIds));
            if (unavailableIsUnknown && Unavailable(replaced))
            {
                // The user is there; sending the create again finds it again and replaces it then.
                Pending = operation;
                return;
            }

            await RecordAsync(replace, replaced);
        }
        else if (operation is DeleteUser delete && response.StatusCode == HttpStatusCode.NotFound)
        {
            if (Model.Users.ContainsKey(delete.UserName))
            {
                Failures.Add($"retry of {delete}: 404, but the user was there after the restart");
            }
        }
        else
        {
            await RecordAsync(operation, response);
        }
    }

    private async Task RecordAsync(IdpOperation operation, HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            Failures.Add($"{operation}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return;
        }

        var answer = response.StatusCode == HttpStatusCode.NoContent ? null : await response.ReadObjectAsync();
        operation.Apply(Model, answer);
        Interlocked.Increment(ref _acknowledged);
        if (operation.VersionedUser is { } userName && answer?["meta"]?["version"] is { } version
            && (string?)version != $"W/\"{Model.Users[userName].Version}\"")
        {
            Failures.Add($"{operation}: acknowledged at version {version}, expected {Model.Users[userName].Version}");
        }
    }

    private IdpOperation Next()
    {
        var users = Model.Users.Where(u => u.Value.Id is not null).OrderBy(u => u.Key, StringComparer.Ordinal).ToList();
        if (users.Count < FewUsers || (users.Count < ManyUsers && _random.Next(4) == 0))
        {
            return new CreateUser($"{UserPrefix}{++_created}-{Guid.NewGuid():N}@example.com", Name(), Title());
        }

        var (userName, user) = users[_random.Next(users.Count)];
        var groups = sharedGroups.Append(OwnGroup).ToList();
        var group = groups[_random.Next(groups.Count)];
        var memberships = Model.Memberships.OrderBy(m => m.Fact, StringComparer.Ordinal).ToList();
        return _random.Next(100) switch
        {
            < 18 => new PatchUser(userName, user.Id!, Name(), Title()),
            < 26 => new DeactivateUser(userName, user.Id!),
            < 36 => new ReplaceUser(userName, user.Id!, Name(), Title()),
            < 44 => new DeleteUser(userName, user.Id!),
            < 88 when memberships.Count > 0 && _random.Next(3) == 0 => Remove(memberships[_random.Next(memberships.Count)]),
            < 92 => new AddMember(group, userName, user.Id!),
            _ => new ReplaceGroupMembers(OwnGroup, [.. users.Where(_ => _random.Next(3) == 0).Select(u => (u.Key, u.Value.Id!))]),
        };
    }

    private RemoveMember Remove(Membership membership) => new(membership.Group, membership.UserName, Model.Users[membership.UserName].Id!);

    private string Name() => $"Person {_random.Next(100_000)}";

    private string Title() => $"Title {_random.Next(100)}";
}
