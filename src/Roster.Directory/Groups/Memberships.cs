using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;

namespace Roster.Directory.Groups;

/// <summary>
/// Reads membership rows as the derived attributes of a response: a group's <c>members</c> or a
/// user's <c>groups</c>, the groups it belongs to directly (<c>type</c> "direct") and through
/// nested groups ("indirect", RFC 7643 section 4.1.2), walked in the database
/// (<see cref="RoleGrants.GroupNesting.ReachOfUsers"/>), never by loading a group's members. One response holds at most <see cref="DirectoryLimits.MaxMembersPerPage"/>
/// of them in memory: a count that stops one past the limit decides first, so the work of finding
/// out is bounded too. A single resource with more is not loaded but streamed
/// (<see cref="DeferredMemberships"/>); a list page with more ends early (<see cref="ForPageAsync"/>).
/// </summary>
internal static class Memberships
{
    /// <summary>The derived attribute of one resource: its values when they fit, else a stream of them.</summary>
    public static async Task<(JsonArray? Values, DeferredMemberships? Stream)> ForOneAsync(
        SqlSession session, DirectoryDatabase database, MembershipSide side, Guid id, CancellationToken cancellationToken)
    {
        var values = await LoadIfWithinAsync(session, side, [id], database.Limits.MaxMembersPerPage, cancellationToken);
        return values is null ? (null, new DeferredMemberships(database, session.TenantId, side, id)) : (values.GetValueOrDefault(id), null);
    }

    /// <summary>
    /// <paramref name="resource"/> (resource <paramref name="id"/>, just written) with its derived
    /// attribute, read in a read session after the write's transaction, never inside the write gate.
    /// </summary>
    public static async Task<StoredResource> AddToAsync(
        DirectoryDatabase database, Guid tenantId, MembershipSide side, Guid id, StoredResource resource, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var (values, stream) = await ForOneAsync(session, database, side, id, cancellationToken);
        return ResourceDocuments.WithDerived(resource, Name(side), values, stream);
    }

    /// <summary>The derived attribute's name: <c>members</c> or <c>groups</c>.</summary>
    public static string Name(MembershipSide side) => side == MembershipSide.MembersOfGroup ? "members" : "groups";

    /// <summary>
    /// The derived attributes of a list page (<paramref name="ids"/> in page order): all of them
    /// when they fit; else the longest first part of the page that fits (<see cref="PageMemberships.Kept"/>),
    /// or, when the first resource alone does not fit, that one with its values streamed.
    /// </summary>
    public static async Task<PageMemberships> ForPageAsync(
        SqlSession session, DirectoryDatabase database, MembershipSide side, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var limit = database.Limits.MaxMembersPerPage;
        if (ids.Count == 0)
        {
            return new PageMemberships([], 0, null);
        }

        if (await LoadIfWithinAsync(session, side, ids, limit, cancellationToken) is { } all)
        {
            return new PageMemberships(all, ids.Count, null);
        }

        var left = limit;
        var kept = 0;
        foreach (var id in ids)
        {
            var count = await CountUpToAsync(session, side, [id], left + 1, cancellationToken);
            if (count > left)
            {
                break;
            }

            left -= count;
            kept++;
        }

        return kept == 0
            ? new PageMemberships([], 1, new DeferredMemberships(database, session.TenantId, side, ids[0]))
            : new PageMemberships(await LoadAsync(session, side, [.. ids.Take(kept)], cancellationToken), kept, null);
    }

    /// <summary>
    /// The values of each resource when they are <paramref name="limit"/> or fewer together, else
    /// null: the count that stops past the limit and the values it allows, in one round trip. The
    /// values' statement runs only when the count in it says they fit, so a resource with too many
    /// costs no more than counting to the limit.
    /// </summary>
    private static async Task<Dictionary<Guid, JsonArray>?> LoadIfWithinAsync(
        SqlSession session, MembershipSide side, IReadOnlyCollection<Guid> ids, int limit, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var list = string.Join(", ", ids.Select(id => parameters.Add(dialect.Key(id))));
        var (withCount, count) = Count(side, list, parameters.Add((long)limit + 1));
        var fits = $"{count} <= {parameters.Add((long)limit)}";
        var counted = 0L;
        var values = new Dictionary<Guid, JsonArray>();
        await session.QueryTogetherAsync(
            parameters,
            cancellationToken,
            new SqlRead(withCount + "SELECT " + count, reader => counted = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)),
            new SqlRead(
                Select(side, $"IN ({list})", side == MembershipSide.MembersOfGroup ? "m.member_id" : "g.display_name_key, r.group_id", fits),
                reader => Add(values, dialect.ReadKey(reader, 0), Value(reader, dialect, side))));
        return counted > limit ? null : values;
    }

    private static void Add(Dictionary<Guid, JsonArray> values, Guid owner, JsonObject value)
    {
        if (!values.TryGetValue(owner, out var array))
        {
            values[owner] = array = [];
        }

        array.Add(value);
    }

    /// <summary>The values of each resource, in one query; only for resources known to fit.</summary>
    public static async Task<Dictionary<Guid, JsonArray>> LoadAsync(SqlSession session, MembershipSide side, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var values = new Dictionary<Guid, JsonArray>();
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var list = string.Join(", ", ids.Select(id => parameters.Add(dialect.Key(id))));
        var rows = await session.QueryAsync(
            Select(side, $"IN ({list})", side == MembershipSide.MembersOfGroup ? "m.member_id" : "g.display_name_key, r.group_id"),
            parameters,
            reader => (Owner: dialect.ReadKey(reader, 0), Value: Value(reader, dialect, side)),
            cancellationToken);
        foreach (var (owner, value) in rows)
        {
            if (!values.TryGetValue(owner, out var array))
            {
                values[owner] = array = [];
            }

            array.Add(value);
        }

        return values;
    }

    /// <summary>The values of one resource in the order of their ids, row by row, never all at once.</summary>
    public static async IAsyncEnumerable<JsonObject> StreamAsync(SqlSession session, MembershipSide side, Guid id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var key = parameters.Add(session.Dialect.Key(id));
        await using var command = session.Command(Select(side, $"= {key}", side == MembershipSide.MembersOfGroup ? "m.member_id" : "r.group_id"), parameters);
        using var trace = session.Trace(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Value(reader, session.Dialect, side);
        }
    }

    /// <summary>How many membership rows <paramref name="ids"/> have together, counting no further than <paramref name="limit"/>.</summary>
    private static async Task<int> CountUpToAsync(SqlSession session, MembershipSide side, IReadOnlyCollection<Guid> ids, int limit, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var list = string.Join(", ", ids.Select(id => parameters.Add(dialect.Key(id))));
        var (with, counted) = Count(side, list, parameters.Add((long)limit));
        var count = await session.ScalarAsync($"{with}SELECT {counted}", parameters, cancellationToken);
        return Convert.ToInt32(count, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The count of <see cref="CountUpToAsync"/> as a scalar sub-select, and the <c>WITH</c> it
    /// needs (a user's groups: the walk <c>reach</c>, which <see cref="Select"/> names too).
    /// </summary>
    private static (string With, string Count) Count(MembershipSide side, string list, string limit) => side == MembershipSide.MembersOfGroup
        ? ("", $"(SELECT COUNT(*) FROM (SELECT 1 FROM group_members WHERE tenant_id = {SqlParameters.Tenant} AND group_id IN ({list}) LIMIT {limit}) AS counted)")
        : (RoleGrants.GroupNesting.ReachOfUsers($"IN ({list})"), $"(SELECT COUNT(*) FROM (SELECT DISTINCT reach.user_id, reach.group_id FROM reach LIMIT {limit}) AS counted)");

    // Column 0 is the owner (the group of a member, the user of a group), then the value's id, type and display.
    // A user's groups: each group once, "direct" when the user is a member of it itself.
    // A condition on no row (when) is evaluated once, before the rows are read: false reads none.
    private static string Select(MembershipSide side, string owners, string order, string when = "1 = 1") => side == MembershipSide.MembersOfGroup
        ? $"SELECT m.group_id, m.member_id, m.member_type, {MemberDisplaySql.For("m")} FROM group_members AS m " +
          $"WHERE m.tenant_id = {SqlParameters.Tenant} AND m.group_id {owners} AND {when} ORDER BY m.group_id, {order}"
        : $"{RoleGrants.GroupNesting.ReachOfUsers(owners)}SELECT r.user_id, r.group_id, " +
          $"CASE WHEN MIN(r.depth) = 0 THEN '{MembershipTypes.Direct}' ELSE '{MembershipTypes.Indirect}' END, g.display_name FROM reach AS r " +
          $"JOIN groups AS g ON g.tenant_id = {SqlParameters.Tenant} AND g.id = r.group_id WHERE {when} " +
          $"GROUP BY r.user_id, r.group_id, g.display_name, g.display_name_key ORDER BY r.user_id, {order}";

    // $ref needs the request's base URL, so the HTTP layer adds it.
    private static JsonObject Value(DbDataReader reader, ISqlDialect dialect, MembershipSide side)
    {
        var value = new JsonObject { ["value"] = dialect.ReadKey(reader, 1).ToString() };
        if (side == MembershipSide.MembersOfGroup)
        {
            if (!reader.IsDBNull(3))
            {
                value["display"] = reader.GetString(3);
            }

            value["type"] = reader.GetString(2);
        }
        else
        {
            value["display"] = reader.GetString(3);
            value["type"] = reader.GetString(2);
        }

        return value;
    }
}

/// <summary>What a list page carries of its resources' memberships.</summary>
/// <param name="Values">The values of each of the first <paramref name="Kept"/> resources that has some.</param>
/// <param name="Kept">How many resources of the page are returned: the page ends before the one that would pass the limit.</param>
/// <param name="Stream">When the page's first resource alone passes the limit: its values, streamed.</param>
internal sealed record PageMemberships(Dictionary<Guid, JsonArray> Values, int Kept, DeferredMemberships? Stream);
