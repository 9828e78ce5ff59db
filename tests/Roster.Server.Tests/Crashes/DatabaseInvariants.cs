using System.Data.Common;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// Straight SQL on the database after a crash, for what half a write would leave behind. Every
/// change to a user or group and its audit event are one transaction (ARCHITECTURE decision 8), so:
/// a user row has exactly one <c>user.create</c> event, <c>version - 1</c> <c>user.update</c>
/// events and no <c>user.delete</c>; a user with events but no row has its <c>user.delete</c>;
/// likewise for groups, except that a group's version also moves, without an event of the group,
/// when one of its members is deleted, so it is at least one more than its update events. No
/// membership row points to a missing group, user or member group; no userName is taken twice in
/// a tenant; SQLite's own integrity and foreign-key checks pass.
/// </summary>
public static class DatabaseInvariants
{
    public static async Task<List<string>> CheckAsync(CrashDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync();
        var violations = new List<string>();
        if (database.IsSqlite)
        {
            var integrity = await RowsAsync(connection, "PRAGMA integrity_check");
            if (integrity is not [[string ok]] || ok != "ok")
            {
                violations.Add($"integrity_check: {string.Join("; ", integrity.Select(r => string.Join(' ', r)))}");
            }

            violations.AddRange((await RowsAsync(connection, "PRAGMA foreign_key_check")).Select(r => $"foreign_key_check: {string.Join(' ', r)}"));
        }

        var events = (await RowsAsync(connection, "SELECT resource_type, resource_id, action FROM audit_events WHERE resource_type IN ('User', 'Group')"))
            .GroupBy(r => (Type: (string)r[0], Id: Key(r[1])))
            .ToDictionary(g => g.Key, g => g.Select(r => (string)r[2]).ToList());
        var users = (await RowsAsync(connection, "SELECT id, version FROM users")).ToDictionary(r => Key(r[0]), r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture));
        var groups = (await RowsAsync(connection, "SELECT id, version FROM groups")).ToDictionary(r => Key(r[0]), r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture));

        CheckResources(violations, "User", "user", users, events, exactVersion: true);
        CheckResources(violations, "Group", "group", groups, events, exactVersion: false);

        foreach (var row in await RowsAsync(connection, "SELECT group_id, member_id, member_type FROM group_members"))
        {
            var (group, member, type) = (Key(row[0]), Key(row[1]), (string)row[2]);
            if (!groups.ContainsKey(group))
            {
                violations.Add($"membership of {member} in missing group {group}");
            }

            if (!(type == "User" ? users : groups).ContainsKey(member))
            {
                violations.Add($"membership in {group} of missing {type} {member}");
            }
        }

        violations.AddRange((await RowsAsync(connection, "SELECT tenant_id, user_name_key, count(*) FROM users GROUP BY tenant_id, user_name_key HAVING count(*) > 1"))
            .Select(r => $"userName {r[1]} taken {r[2]} times"));
        violations.AddRange((await RowsAsync(connection, "SELECT group_id, member_id, count(*) FROM group_members GROUP BY tenant_id, group_id, member_id HAVING count(*) > 1"))
            .Select(r => $"member {Key(r[1])} of {Key(r[0])} {r[2]} times"));
        return violations;
    }

    private static void CheckResources(List<string> violations, string type, string prefix, Dictionary<string, long> rows, Dictionary<(string Type, string Id), List<string>> events, bool exactVersion)
    {
        foreach (var (id, version) in rows)
        {
            var actions = events.GetValueOrDefault((type, id)) ?? [];
            var (creates, deletes) = (actions.Count(a => a == $"{prefix}.create"), actions.Count(a => a == $"{prefix}.delete"));
            var updates = actions.Count - creates - deletes;
            if (creates != 1 || deletes != 0 || (exactVersion ? version != 1 + updates : version < 1 + updates))
            {
                violations.Add($"{type} {id} at version {version} has the events [{string.Join(", ", actions)}]");
            }
        }

        foreach (var ((eventType, id), actions) in events.Where(e => e.Key.Type == type && !rows.ContainsKey(e.Key.Id)))
        {
            if (actions.Count(a => a == $"{prefix}.create") != 1 || actions.Count(a => a == $"{prefix}.delete") != 1)
            {
                violations.Add($"{eventType} {id} has no row and the events [{string.Join(", ", actions)}]");
            }
        }
    }

    // SQLite keeps ids as 16 big-endian bytes, PostgreSQL as uuid: the same text either way.
    private static string Key(object value) => value switch
    {
        byte[] bytes => new Guid(bytes, bigEndian: true).ToString(),
        Guid guid => guid.ToString(),
        _ => value.ToString()!,
    };

    private static async Task<List<object[]>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
