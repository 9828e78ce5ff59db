using System.Globalization;
using System.Text;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.RoleGrants;
using Roster.Scim.Errors;

namespace Roster.Directory.Groups;

/// <summary>
/// Groups in groups may not make a cycle: a group that contains itself, through any number of
/// groups, has no meaning for its members' <c>groups</c>, for role rules or for an IdP reading it
/// back. Adding group M to group G makes one exactly when M is one of the groups G is nested in
/// (<see cref="GroupNesting.AboveGroup"/>); the refusal names the path the cycle would take.
/// </summary>
internal static class NestingCycles
{
    /// <summary>The groups <paramref name="groupId"/> is nested in, at any depth (not itself).</summary>
    public static async Task<HashSet<Guid>> GroupsAboveAsync(SqlSession session, Guid groupId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var above = new HashSet<Guid>();
        await session.QueryTogetherAsync(parameters, cancellationToken, GroupsAbove(session.Dialect, parameters.Add(session.Dialect.Key(groupId)), above));
        return above;
    }

    /// <summary>The statement of <see cref="GroupsAboveAsync"/> for the group <paramref name="group"/> (a parameter), adding to <paramref name="into"/>.</summary>
    public static SqlRead GroupsAbove(ISqlDialect dialect, string group, HashSet<Guid> into)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(into);
        return new SqlRead($"{GroupNesting.AboveGroup(group)}SELECT above.id FROM above WHERE above.id <> {group}", reader => into.Add(dialect.ReadKey(reader, 0)));
    }

    /// <summary>
    /// The 400 <c>invalidValue</c> for adding <paramref name="memberId"/>, a group that contains
    /// <paramref name="groupId"/>, to it: the chain of groups from the member down to the group, by name.
    /// </summary>
    public static async Task<ScimError> RefuseAsync(SqlSession session, Guid groupId, Guid memberId, CancellationToken cancellationToken)
    {
        var chain = await ChainAsync(session, groupId, memberId, cancellationToken);
        var names = await NamesAsync(session, chain, cancellationToken);
        string Name(Guid id) => names.TryGetValue(id, out var name) ? $"\"{name}\"" : id.ToString();

        // chain runs upward: the group, the group holding it, ..., the member.
        var path = new StringBuilder(Name(memberId));
        for (var i = chain.Count - 2; i >= 0; i--)
        {
            path.Append(" contains ").Append(Name(chain[i]));
        }

        path.Append(", which would contain ").Append(Name(memberId)).Append(" again");
        return ScimError.InvalidValue(string.Create(
            CultureInfo.InvariantCulture,
            $"The group {Name(memberId)} ({memberId}) cannot be a member of {Name(groupId)}: it would make a cycle of nested groups, {path}. Remove one of these memberships first."));
    }

    /// <summary>The shortest chain of "is a member of" from <paramref name="groupId"/> up to <paramref name="ancestorId"/>, both included.</summary>
    private static async Task<List<Guid>> ChainAsync(SqlSession session, Guid groupId, Guid ancestorId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var group = parameters.Add(dialect.Key(groupId));

        // Only the nesting rows among the groups above: as few as the levels of nesting.
        var edges = await session.QueryAsync(
            $"{GroupNesting.AboveGroup(group)}SELECT m.member_id, m.group_id FROM group_members AS m " +
            $"WHERE m.tenant_id = {SqlParameters.Tenant} AND m.member_type = 'Group' AND m.member_id IN (SELECT above.id FROM above)",
            parameters, reader => (Child: dialect.ReadKey(reader, 0), Parent: dialect.ReadKey(reader, 1)), cancellationToken);
        var parents = edges.ToLookup(e => e.Child, e => e.Parent);
        var cameFrom = new Dictionary<Guid, Guid> { [groupId] = groupId };
        var queue = new Queue<Guid>([groupId]);
        while (queue.Count > 0 && !cameFrom.ContainsKey(ancestorId))
        {
            var current = queue.Dequeue();
            foreach (var parent in parents[current].Where(p => !cameFrom.ContainsKey(p)))
            {
                cameFrom[parent] = current;
                queue.Enqueue(parent);
            }
        }

        var chain = new List<Guid> { ancestorId };
        for (var at = ancestorId; at != groupId && cameFrom.TryGetValue(at, out var child); at = child)
        {
            chain.Add(child);
        }

        chain.Reverse();
        return chain;
    }

    private static async Task<Dictionary<Guid, string>> NamesAsync(SqlSession session, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var list = string.Join(", ", ids.Select(id => parameters.Add(dialect.Key(id))));
        var rows = await session.QueryAsync(
            $"SELECT id, display_name FROM groups WHERE tenant_id = {SqlParameters.Tenant} AND id IN ({list})",
            parameters, reader => (Id: dialect.ReadKey(reader, 0), Name: reader.GetString(1)), cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Name);
    }
}
