namespace Roster.Server.Tests.Crashes;

/// <summary>
/// What one IdP worker has told Roster and Roster acknowledged, in order: its live users by
/// userName and their memberships. The worker alone touches these, so the model is exact; its
/// <see cref="Facts"/> are compared with what Roster holds after a crash.
/// </summary>
public sealed class WorkerModel
{
    public Dictionary<string, ModelUser> Users { get; } = new(StringComparer.Ordinal);

    public HashSet<Membership> Memberships { get; } = [];

    public WorkerModel Clone()
    {
        var copy = new WorkerModel();
        foreach (var (userName, user) in Users)
        {
            copy.Users[userName] = user;
        }

        copy.Memberships.UnionWith(Memberships);
        return copy;
    }

    /// <summary>A deleted user leaves every group with it, as DELETE /Users does.</summary>
    public void RemoveUser(string userName)
    {
        Users.Remove(userName);
        Memberships.RemoveWhere(m => m.UserName == userName);
    }

    /// <summary>One line per user (attributes and version) and per membership, sorted.</summary>
    public List<string> Facts() =>
        [.. Users.Select(u => u.Value.Fact(u.Key)).Concat(Memberships.Select(m => m.Fact)).Order(StringComparer.Ordinal)];
}

/// <summary>A user as acknowledged; <see cref="Id"/> is null only while a create's answer was lost.</summary>
public sealed record ModelUser(string? Id, string DisplayName, string Title, bool Active, long Version)
{
    public string Fact(string userName) => UserFact(userName, DisplayName, Title, Active, Version);

    public static string UserFact(string userName, string? displayName, string? title, bool active, long version) =>
        $"user {userName} displayName={displayName} title={title} active={active} version={version}";
}

public readonly record struct Membership(string Group, string UserName)
{
    public string Fact => $"member {Group} {UserName}";
}
