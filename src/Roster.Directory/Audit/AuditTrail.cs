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

    /// <summary>Event rows written by one command; a bigger change takes several, in its transaction.</summary>
    private const int EventsPerCommand = 200;

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
        var batched = 0;
        foreach (var pending in events)
        {
            // A change that moves many people (a rule over a group of 100,000) has an event per
            // person: they go in commands of EventsPerCommand, in the same transaction, so no
            // command grows with the change (SQLite binds by name, PostgreSQL caps parameters).
            if (batched == EventsPerCommand)
            {
                await session.ExecuteAsync(sql.ToString(), parameters, cancellationToken);
                parameters = session.Parameters();
                time = parameters.Add(dialect.Timestamp(occurred));
                sql.Clear();
                batched = 0;
            }

            batched++;
            var eventId = AuditEventIds.Next(occurred);
            var payload = Envelope(session.TenantId, eventId, occurred, entry, client, pending, after?.Version);

            // The next sequence of the tenant's feed, read in the statement that takes it: the
            // session holds the tenant's write lock, so no other writer of the tenant can take the
            // same one, and the one before it has committed (docs/events.md, "Ordering").
            sql.Append(
                "INSERT INTO events (tenant_id, sequence, id, type, occurred, resource_type, resource_id, payload) " +
                $"SELECT {SqlParameters.Tenant}, COALESCE(MAX(sequence), 0) + 1, {parameters.Add(dialect.Key(eventId))}, {parameters.Add(pending.Type)}, {time}, " +
                $"{parameters.Add(pending.ResourceType)}, {parameters.Add(dialect.Key(pending.ResourceId))}, {parameters.Add(payload)} " +
                $"FROM events WHERE tenant_id = {SqlParameters.Tenant};");
        }

        if (events.Count > 0)
        {
            session.WroteEvents = true;
            if (dialect.NotifyEvents(SqlParameters.Tenant) is { } notify)
            {
                sql.Append(notify).Append(';');
            }
        }

        await session.ExecuteAsync(sql.ToString(), parameters, cancellationToken);
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
