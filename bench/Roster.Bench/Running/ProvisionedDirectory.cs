namespace Roster.Bench.Running;

/// <summary>The users and groups this run created, which later phases look up, patch and group.</summary>
internal sealed class ProvisionedDirectory
{
    private readonly List<ProvisionedUser> _users = [];
    private readonly List<string> _groupIds = [];

    public IReadOnlyList<ProvisionedUser> Users => _users;

    public IReadOnlyList<string> GroupIds => _groupIds;

    public void AddUsers(IEnumerable<ProvisionedUser?> users)
    {
        foreach (ProvisionedUser? user in users)
        {
            if (user is not null)
            {
                _users.Add(user);
            }
        }
    }

    public void AddGroups(IEnumerable<string?> groupIds)
    {
        foreach (string? id in groupIds)
        {
            if (id is not null)
            {
                _groupIds.Add(id);
            }
        }
    }
}
