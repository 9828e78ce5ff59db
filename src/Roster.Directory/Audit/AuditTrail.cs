using System.Buffers;
using System.Text;
using System.Text.Json;
using Roster.Directory.Database;
using Roster.Directory.Events;
using Roster.Directory.Filtering;
using Roster.Directory.Groups;
using Roster.Directory.Resources;
using Roster.Directory.Users;

namespace Roster.Directory.Audit;

/// <summary>
/// Writes audit events, and the directory events they make (<see cref="DirectoryEvents"/>),
/// inside the caller's write session, so both exist exactly when the change they describe was
/// committed (ARCHITECTURE decision 8): a refused or rolled-back write leaves none. One command
/// carries the audit row, the event rows and, on PostgreSQL, the notification other nodes wake on.
/// </summary>
internal static class AuditTrail
{
    /// <summary>The version of the event envelope (docs/events.md); raised only for a change that breaks consumers.</summary>
    public const int EventSchemaVersion = 1;

    private const int MaxClientLength = 200;

    public static async Task AppendAsync(SqlSession session, AuditEntry entry, DateTimeOffset occurred, CancellationToken cancellationToken)
    {
        if (!session.SerializesTenant)
        {
            // Sequences are gap-free only when taken inside the tenant's write lock.
            throw new InvalidOperationException("Audit and directory events are written only in a write session that holds its tenant's write lock.");
        }

        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var id = AuditEventIds.Next(occurred);
        var client = entry.Client.Length > MaxClientLength ? entry.Client[..MaxClientLength] : entry.Client;
        var time = parameters.Add(dialect.Timestamp(occurred));
        var sql = new StringBuilder(
            "INSERT INTO audit_events (tenant_id, id, occurred, actor_profile_id, credential_id, client, action, resource_type, resource_id, changes) " +
            $"VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(id))}, {time}, " +
            $"{parameters.Add(entry.ActorProfileId is { } profile ? dialect.Key(profile) : null)}, " +
            $"{parameters.Add(entry.CredentialId is { } credential ? dialect.Key(credential) : null)}, " +
            $"{parameters.Add(client)}, {parameters.Add(entry.Action)}, {parameters.Add(entry.ResourceType)}, " +
            $"{parameters.Add(dialect.Key(entry.ResourceId))}, {parameters.Add(entry.Changes.ToJsonString())});");

        var after = entry.After ?? (DirectoryEvents.NeedsResource(entry) ? await ReadAfterAsync(session, entry, cancellationToken) : null);
        var events = DirectoryEvents.For(entry, after);
        for (var start = 0; start < events.Count; start += dialect.RowsPerInsert)
        {
            if (start > 0)
            {
                // A change that moves many people (a rule over a group of 100,000) has an event per
                // person: they go in commands of the dialect's RowsPerInsert, in the same
                // transaction, so no command grows with the change.
                await session.ExecuteAsync(sql.ToString(), parameters, cancellationToken);
                parameters = session.Parameters();
                time = parameters.Add(dialect.Timestamp(occurred));
                sql.Clear();
            }

            AppendEvents(sql, parameters, dialect, session.TenantId, entry, client, occurred, time, after?.Version, events.Skip(start).Take(dialect.RowsPerInsert));
        }

        if (events.Count > 0)
        {
            session.WroteEvents = true;
            if (dialect.NotifyEvents(SqlParameters.Tenant) is { } notify)
            {
                sql.Append(notify).Append(';');
            }
        }

        // Usually the transaction's last statement: on PostgreSQL it goes with the COMMIT.
        await session.ExecuteLastAsync(sql.ToString(), parameters, cancellationToken);
    }

    // One statement for a whole command's events: numbered rows in a VALUES list, each taking the
    // next sequence of the tenant's feed as the highest one so far plus its number. The maximum is
    // read in the statement that inserts: the session holds the tenant's write lock, so no other
    // writer of the tenant can take the same numbers, and the events before them have committed
    // (docs/events.md, "Ordering"). One statement, not one per event, because a statement is
    // parsed and planned once: a rule over 100,000 people made 100,000 plans.
    private static void AppendEvents(
        StringBuilder sql, SqlParameters parameters, ISqlDialect dialect, Guid tenantId, AuditEntry entry, string client,
        DateTimeOffset occurred, string time, long? version, IEnumerable<PendingEvent> events)
    {
        sql.Append("WITH pending (n, id, type, resource_type, resource_id, payload) AS (VALUES ");
        var number = 0;
        foreach (var pending in events)
        {
            var eventId = AuditEventIds.Next(occurred);
            var payload = Envelope(tenantId, eventId, occurred, entry, client, pending, version);
            sql.Append(number == 0 ? "(" : ", (").Append(++number).Append(", ")
                .Append(parameters.Add(dialect.Key(eventId))).Append(", ").Append(parameters.Add(pending.Type)).Append(", ")
                .Append(parameters.Add(pending.ResourceType)).Append(", ").Append(parameters.Add(dialect.Key(pending.ResourceId))).Append(", ")
                .Append(parameters.Add(payload)).Append(')');
        }

        sql.Append(
            ") INSERT INTO events (tenant_id, sequence, id, type, occurred, resource_type, resource_id, payload) " +
            $"SELECT {SqlParameters.Tenant}, feed.sequence + pending.n, pending.id, pending.type, {time}, pending.resource_type, pending.resource_id, pending.payload " +
            $"FROM pending CROSS JOIN (SELECT COALESCE(MAX(sequence), 0) AS sequence FROM events WHERE tenant_id = {SqlParameters.Tenant}) AS feed;");
    }

    private static Task<ResourceRow?> ReadAfterAsync(SqlSession session, AuditEntry entry, CancellationToken cancellationToken) => entry.ResourceType switch
    {
        AuditResourceTypes.User or AuditResourceTypes.Employee => UserSql.ReadAsync(session, entry.ResourceId, cancellationToken),
        AuditResourceTypes.Group => GroupSql.ReadAsync(session, entry.ResourceId, cancellationToken),
        _ => Task.FromResult<ResourceRow?>(null),
    };

    private static string Envelope(Guid tenantId, Guid eventId, DateTimeOffset occurred, AuditEntry entry, string client, PendingEvent pending, long? version)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", eventId);
            writer.WriteString("type", pending.Type);
            writer.WriteString("timestamp", ScimDateTime.ToText(occurred));
            writer.WriteNumber("schemaVersion", EventSchemaVersion);
            writer.WriteString("orgId", tenantId);
            writer.WriteStartObject("actor");
            WriteKey(writer, "profileId", entry.ActorProfileId);
            WriteKey(writer, "credentialId", entry.CredentialId);
            writer.WriteString("client", client);
            writer.WriteEndObject();
            writer.WriteStartObject("resource");
            writer.WriteString("type", pending.ResourceType);
            writer.WriteString("id", pending.ResourceId);
            if (version is { } v && pending.ResourceType is AuditResourceTypes.User or AuditResourceTypes.Group)
            {
                writer.WriteNumber("version", v);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("data");
            pending.WriteData(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteKey(Utf8JsonWriter writer, string name, Guid? value)
    {
        if (value is { } key)
        {
            writer.WriteString(name, key);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
