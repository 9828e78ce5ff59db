using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Scim.Errors;
using Roster.Scim.Patching;
using Roster.Scim.Schemas;

namespace Roster.Directory.Groups;

/// <summary>
/// Changes to one group's membership rows (ARCHITECTURE decision 3): adding a member is one
/// idempotent INSERT that also checks the member exists in the tenant, removing one is one
/// DELETE; the member list is never loaded. Adding a present member or removing an absent one
/// changes nothing. <see cref="Diff"/> collects what the statements really changed, for the audit event.
/// A group member that already contains this group, directly or through other groups, would make
/// a cycle and is refused (<see cref="NestingCycles"/>): checked here, inside the write's
/// transaction, which on PostgreSQL holds the tenant's write lock and on SQLite the one writer, so
/// two requests that each add one side of a cycle cannot both pass. <paramref name="above"/>, when
/// the write read them already in this transaction (<see cref="GroupSql.TouchForMembersAsync"/>), are
/// the groups this one is nested in; else they are read before the first add. A PATCH's first change
/// may have gone already with the group's touch (<see cref="LeadingMemberChange"/>): what it did is
/// recorded here as done, and only what it left is sent.
/// </summary>
internal sealed class GroupMembers(SqlSession session, Guid groupId, FilterSqlTranslator translator, HashSet<Guid>? above = null)
{
    private static readonly Scim.Schemas.AttributeDefinition MembersAttribute = ScimResourceTypes.Group.Schema.FindAttribute("members")!;

    /// <summary>The table, as the statements here name it to <see cref="SqlSession.NoteRowsChanged"/>.</summary>
    public const string Table = "group_members";

    public MembershipDiff Diff { get; } = new();

    /// <param name="changes">The PATCH's membership changes, in order.</param>
    /// <param name="leading">The first of them, when it was sent already with the group's touch: its rows are taken as done.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    public async Task<ScimError?> ApplyAsync(IReadOnlyList<MembershipChange> changes, LeadingMemberChange? leading, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            var done = ReferenceEquals(change, leading?.Change) ? leading : null;
            var error = change switch
            {
                AddMembers add => await AddAsync(add.Members, cancellationToken, done?.UsersAdded),
                RemoveMembers remove when done is not null => Removed(remove.MemberIds, done.Removed),
                RemoveMembers remove => await RemoveAsync(remove.MemberIds, cancellationToken),
                RemoveMembersMatching matching => await RemoveMatchingAsync(matching.Filter, cancellationToken),
                ReplaceMembers replace => await ReplaceAsync(replace.Members, cancellationToken),
                RemoveAllMembers => await RemoveAllAsync(cancellationToken),
                _ => ScimError.InvalidValue("The PATCH has a membership change Roster does not know."),
            };
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    /// <param name="members">The members to add, in order.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    /// <param name="insertedAlready">Users inserted already (<see cref="LeadingMemberChange"/>): each counts as added, once, without a statement.</param>
    public async Task<ScimError?> AddAsync(IReadOnlyList<MemberReference> members, CancellationToken cancellationToken, HashSet<Guid>? insertedAlready = null)
    {
        if (members.Count == 0 || AllInsertedAlready(members, insertedAlready))
        {
            return null;
        }

        var dialect = session.Dialect;
        var parameters = session.Parameters();
        var group = parameters.Add(dialect.Key(groupId));
        var member = parameters.Add(null);
        var t = SqlParameters.Tenant;

        // The member's type is what it is in the database, whatever the client said it was.
        await using var insert = session.Command(
            "INSERT INTO group_members (tenant_id, group_id, member_id, member_type) " +
            $"SELECT {t}, {group}, {member}, CASE WHEN EXISTS (SELECT 1 FROM users WHERE tenant_id = {t} AND id = {member}) THEN 'User' ELSE 'Group' END " +
            $"WHERE EXISTS (SELECT 1 FROM users WHERE tenant_id = {t} AND id = {member}) OR EXISTS (SELECT 1 FROM groups WHERE tenant_id = {t} AND id = {member}) " +
            "ON CONFLICT DO NOTHING RETURNING member_type",
            parameters);
        await using var isMember = session.Command(
            $"SELECT 1 FROM group_members WHERE tenant_id = {t} AND group_id = {group} AND member_id = {member}", parameters);

        // The groups this group is nested in (few, whatever the size of any group): a member among them would close a cycle.
        above ??= await NestingCycles.GroupsAboveAsync(session, groupId, cancellationToken);
        var addedBefore = Diff.Added.Count;
        var error = await AddEachAsync(members, insertedAlready, above, insert, isMember, member, cancellationToken);
        session.NoteRowsChanged(Table, Diff.Added.Count - addedBefore);
        return error;
    }

    /// <summary>
    /// Whether <paramref name="insertedAlready"/> holds every member, each named once (the commonest
    /// case: one user added): then they are recorded as added, in order, and no statement is built.
    /// </summary>
    private bool AllInsertedAlready(IReadOnlyList<MemberReference> members, HashSet<Guid>? insertedAlready)
    {
        if (insertedAlready is null || insertedAlready.Count != members.Count)
        {
            return false;
        }

        var ids = new List<Guid>(members.Count);
        foreach (var reference in members)
        {
            if (!Guid.TryParse(reference.Value, out var id) || !insertedAlready.Contains(id))
            {
                return false;
            }

            ids.Add(id);
        }

        // As many distinct ids as members, all inserted: no member is named twice.
        insertedAlready.Clear();
        Diff.Added.AddRange(ids);
        session.NoteRowsChanged(Table, ids.Count);
        return true;
    }

    private async Task<ScimError?> AddEachAsync(
        IReadOnlyList<MemberReference> members, HashSet<Guid>? insertedAlready, HashSet<Guid> above, System.Data.Common.DbCommand insert, System.Data.Common.DbCommand isMember, string member, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        foreach (var reference in members)
        {
            if (!Guid.TryParse(reference.Value, out var memberId))
            {
                return UnknownMember(reference.Value);
            }

            if (memberId == groupId)
            {
                return ScimError.InvalidValue($"The group \"{reference.Value}\" cannot be a member of itself.");
            }

            if (insertedAlready?.Remove(memberId) == true)
            {
                // A user, inserted with the group's touch: no cycle to look for, no statement to send.
                Diff.Added.Add(memberId);
                continue;
            }

            if (above.Contains(memberId))
            {
                return await NestingCycles.RefuseAsync(session, groupId, memberId, cancellationToken);
            }

            insert.Parameters[member].Value = dialect.Key(memberId);
            object? inserted;
            using (session.Trace(insert))
            {
                inserted = await insert.ExecuteScalarAsync(cancellationToken);
            }

            if (inserted is string type)
            {
                Diff.Added.Add(memberId);
                Diff.MovedGroups |= type == MemberTypes.Group;
            }
            else
            {
                isMember.Parameters[member].Value = dialect.Key(memberId);
                using var trace = session.Trace(isMember);
                if (await isMember.ExecuteScalarAsync(cancellationToken) is null)
                {
                    return UnknownMember(reference.Value);
                }
            }
        }

        return null;
    }

    public async Task<ScimError?> RemoveAsync(IReadOnlyList<string> memberIds, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var parameters = session.Parameters();
        var group = parameters.Add(dialect.Key(groupId));
        var member = parameters.Add(null);
        await using var delete = session.Command(
            $"DELETE FROM group_members WHERE tenant_id = {SqlParameters.Tenant} AND group_id = {group} AND member_id = {member} RETURNING member_type", parameters);
        var removed = 0;
        foreach (var id in memberIds)
        {
            // An id that is not a GUID names no member: removing it changes nothing.
            if (Guid.TryParse(id, out var memberId))
            {
                delete.Parameters[member].Value = dialect.Key(memberId);
                using var trace = session.Trace(delete);
                if (await delete.ExecuteScalarAsync(cancellationToken) is string type)
                {
                    Diff.Removed.Add(memberId);
                    Diff.MovedGroups |= type == MemberTypes.Group;
                    removed++;
                }
            }
        }

        session.NoteRowsChanged(Table, removed);
        return null;
    }

    /// <summary>Members removed already (<see cref="LeadingMemberChange"/>), recorded in the order the PATCH named them.</summary>
    private ScimError? Removed(IReadOnlyList<string> memberIds, Dictionary<Guid, string> removed)
    {
        var count = 0;
        foreach (var id in memberIds)
        {
            if (Guid.TryParse(id, out var memberId) && removed.Remove(memberId, out var type))
            {
                Diff.Removed.Add(memberId);
                Diff.MovedGroups |= type == MemberTypes.Group;
                count++;
            }
        }

        session.NoteRowsChanged(Table, count);
        return null;
    }

    public async Task<ScimError?> RemoveMatchingAsync(Scim.Filtering.FilterNode filter, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var condition = translator.TranslateMemberFilter(filter, MembersAttribute, "gm", parameters);
        if (!condition.IsSuccess)
        {
            return condition.Error;
        }

        var group = parameters.Add(session.Dialect.Key(groupId));
        var t = SqlParameters.Tenant;
        var dialect = session.Dialect;
        var removed = await session.QueryAsync(
            $"DELETE FROM group_members WHERE tenant_id = {t} AND group_id = {group} AND member_id IN " +
            $"(SELECT gm.member_id FROM group_members AS gm WHERE gm.tenant_id = {t} AND gm.group_id = {group} AND {condition.Value}) RETURNING member_id, member_type",
            parameters, reader => (Id: dialect.ReadKey(reader, 0), Type: reader.GetString(1)), cancellationToken);
        session.NoteRowsChanged(Table, removed.Count);
        Diff.Removed.AddRange(removed.Select(r => r.Id));
        Diff.MovedGroups |= removed.Any(r => r.Type == MemberTypes.Group);
        return null;
    }

    public async Task<ScimError?> ReplaceAsync(IReadOnlyList<MemberReference> members, CancellationToken cancellationToken)
    {
        await RemoveAllAsync(cancellationToken);
        return await AddAsync(members, cancellationToken);
    }

    public async Task<ScimError?> RemoveAllAsync(CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var removed = await session.ExecuteAsync(
            $"DELETE FROM group_members WHERE tenant_id = {SqlParameters.Tenant} AND group_id = {parameters.Add(session.Dialect.Key(groupId))}",
            parameters, cancellationToken);
        session.NoteRowsChanged(Table, removed);
        Diff.RemovedAll = (Diff.RemovedAll ?? 0) + removed;
        return null;
    }

    private static ScimError UnknownMember(string id) =>
        ScimError.InvalidValue($"The member \"{id}\" is not a user or group of this tenant.");
}
