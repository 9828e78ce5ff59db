using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Scim.Patching;

namespace Roster.Directory.Groups;

/// <summary>
/// The first membership change of a group's PATCH, sent in the command that touches the group
/// (<see cref="GroupSql.TouchForMembersAsync"/>) instead of one of its own: the commonest SCIM
/// write after a user's is one member added to or removed from a group, and where the database is
/// another process every command is a round trip. Members removed are removed there; of members
/// added, those that are users of the tenant are inserted there, since a user contains no group and
/// so closes no cycle (<see cref="NestingCycles"/>); any other member (a group, an unknown id, one
/// already present) is left to <see cref="GroupMembers"/>, which takes what was done here as done.
/// The statements run after the group's version is bumped, in the same transaction under the
/// tenant's write lock; when the group is missing or at another version the write ends without
/// committing, and nothing they did is kept.
/// </summary>
internal sealed class LeadingMemberChange
{
    /// <summary>
    /// Members at most in the statement: each is a parameter, and both databases cap a statement's
    /// parameters; a longer list goes to <see cref="GroupMembers"/> whole, one statement a member.
    /// </summary>
    public const int MaxMembers = 500;

    private readonly List<Guid> _ids;

    private LeadingMemberChange(MembershipChange change, List<Guid> ids)
    {
        Change = change;
        _ids = ids;
    }

    /// <summary>The change this stands for: the first of the PATCH's.</summary>
    public MembershipChange Change { get; }

    /// <summary>The members inserted, all users; each is taken once by <see cref="GroupMembers"/>.</summary>
    public HashSet<Guid> UsersAdded { get; } = [];

    /// <summary>The members removed, by id, with their type.</summary>
    public Dictionary<Guid, string> Removed { get; } = [];

    /// <summary>
    /// The first of <paramref name="changes"/> when it can travel with the group's touch: it adds or
    /// removes members named by id, at most <see cref="MaxMembers"/> of them; null otherwise.
    /// </summary>
    public static LeadingMemberChange? For(IReadOnlyList<MembershipChange> changes, Guid groupId)
    {
        if (changes.Count == 0)
        {
            return null;
        }

        var ids = changes[0] switch
        {
            AddMembers add when add.Members.Count <= MaxMembers => Keys(add.Members.Select(m => m.Value), groupId),
            RemoveMembers remove when remove.MemberIds.Count <= MaxMembers => Keys(remove.MemberIds, groupId),
            _ => null,
        };
        return ids is { Count: > 0 } ? new LeadingMemberChange(changes[0], ids) : null;
    }

    /// <summary>The statement, to run after the group's touch; its results fill <see cref="UsersAdded"/> or <see cref="Removed"/>.</summary>
    public SqlRead Statement(SqlParameters parameters, ISqlDialect dialect, string group)
    {
        var t = SqlParameters.Tenant;
        var members = string.Join(", ", _ids.Select(id => parameters.Add(dialect.Key(id))));
        if (Change is RemoveMembers)
        {
            return new SqlRead(
                $"DELETE FROM group_members WHERE tenant_id = {t} AND group_id = {group} AND member_id IN ({members}) RETURNING member_id, member_type",
                reader => Removed[dialect.ReadKey(reader, 0)] = reader.GetString(1));
        }

        // Guarded by the group's existence: a missing group's id inserts nothing (the write then answers 404).
        return new SqlRead(
            "INSERT INTO group_members (tenant_id, group_id, member_id, member_type) " +
            $"SELECT u.tenant_id, {group}, u.id, '{MemberTypes.User}' FROM users AS u " +
            $"WHERE u.tenant_id = {t} AND u.id IN ({members}) AND EXISTS (SELECT 1 FROM groups WHERE tenant_id = {t} AND id = {group}) " +
            "ON CONFLICT DO NOTHING RETURNING member_id",
            reader => UsersAdded.Add(dialect.ReadKey(reader, 0)));
    }

    /// <summary>The distinct ids that parse, in order, without the group's own (refused later, as before).</summary>
    private static List<Guid> Keys(IEnumerable<string> values, Guid groupId)
    {
        var seen = new HashSet<Guid>();
        var ids = new List<Guid>();
        foreach (var value in values)
        {
            if (Guid.TryParse(value, out var id) && id != groupId && seen.Add(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
