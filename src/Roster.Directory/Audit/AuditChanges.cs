using System.Text.Json.Nodes;

namespace Roster.Directory.Audit;

/// <summary>Builds the <c>changes</c> of audit events.</summary>
internal static class AuditChanges
{
    // Derived or bookkeeping attributes: id never changes, meta is the columns, members/groups are rows.
    private static readonly string[] Ignored = ["id", "meta", "members", "groups"];

    // A PUT of a huge group adds every member it lists; past this many ids the event keeps the count only.
    private const int MaxIdsListed = 1_000;

    /// <summary>
    /// Each top-level attribute that differs between <paramref name="before"/> and
    /// <paramref name="after"/> (either may be null: a create or a delete), as
    /// <c>{"before":..., "after":...}</c>; unchanged attributes are left out.
    /// </summary>
    public static JsonObject Diff(JsonObject? before, JsonObject? after)
    {
        var changes = new JsonObject();
        var names = new List<string>();
        foreach (var source in new[] { before, after })
        {
            foreach (var (name, _) in source ?? [])
            {
                if (!Ignored.Contains(name, StringComparer.OrdinalIgnoreCase) && !names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
        }

        foreach (var name in names)
        {
            var old = before?[name];
            var now = after?[name];
            if (!JsonNode.DeepEquals(old, now))
            {
                changes[name] = new JsonObject { ["before"] = old?.DeepClone(), ["after"] = now?.DeepClone() };
            }
        }

        return changes;
    }

    /// <summary>
    /// Adds the membership change: the ids added and removed, never the member list. When every
    /// member was replaced at once (PUT, or a PATCH replacing <c>members</c>) the old members are
    /// counted (<c>removedAll</c>), not listed, and past <see cref="MaxIdsListed"/> ids a list
    /// becomes a count (<c>addedCount</c>, <c>removedCount</c>), so that an event about a
    /// 100,000-member group stays small.
    /// </summary>
    public static JsonObject WithMembers(JsonObject changes, MembershipDiff diff)
    {
        if (diff.IsEmpty)
        {
            return changes;
        }

        var members = new JsonObject();
        if (diff.RemovedAll is { } count)
        {
            members["removedAll"] = count;
        }

        AddIds(members, "added", diff.Added);
        AddIds(members, "removed", diff.Removed);
        changes["members"] = members;
        return changes;
    }

    private static void AddIds(JsonObject members, string name, List<Guid> ids)
    {
        if (ids.Count > MaxIdsListed)
        {
            members[name + "Count"] = ids.Count;
        }
        else if (ids.Count > 0)
        {
            members[name] = new JsonArray([.. ids.Select(id => JsonValue.Create(id.ToString()))]);
        }
    }
}
