using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Resources;

namespace Roster.Directory.Events;

/// <summary>
/// Which events an audited change makes. The audit trail and the event feed describe the same
/// writes for different readers: the audit log says who changed what for the tenant's
/// administrators; events tell the SaaS product's services what the directory looks like now
/// (the resource after the change, member ids), in a versioned schema they program against.
/// </summary>
internal static class DirectoryEvents
{
    /// <summary>Ids per <c>group.members.*</c> and <c>role.grants.*</c> event: a change over 100,000 people becomes 100 events, each small.</summary>
    public const int MembersPerEvent = 1_000;

    /// <summary>The events of <paramref name="entry"/>; <paramref name="after"/> is the resource row after the change, when it exists.</summary>
    public static List<PendingEvent> For(AuditEntry entry, ResourceRow? after)
    {
        var events = new List<PendingEvent>();
        var resourceType = entry.ResourceType == AuditResourceTypes.Employee ? AuditResourceTypes.User : entry.ResourceType;
        switch (entry.Action)
        {
            case AuditActions.UserCreate or AuditActions.EmployeeCreate:
                events.Add(Resource(EventTypes.UserCreated, entry, after, resourceType));
                break;
            case AuditActions.UserUpdate or AuditActions.EmployeeUpdate:
                events.Add(Resource(UserUpdateType(entry.Changes), entry, after, resourceType));
                if (entry.Changes["roles"] is JsonObject roles)
                {
                    events.Add(new PendingEvent(EventTypes.EmployeeRolesChanged, resourceType, entry.ResourceId, w => Write(w, "roles", roles)));
                }

                break;
            case AuditActions.UserDelete or AuditActions.EmployeeDelete:
                events.Add(Changes(EventTypes.UserDeleted, entry, resourceType));
                break;
            case AuditActions.GroupCreate:
                events.Add(Resource(EventTypes.GroupCreated, entry, after, resourceType));
                AddMembers(events, entry);
                break;
            case AuditActions.GroupUpdate or AuditActions.GroupMembersAdd or AuditActions.GroupMembersRemove:
                if (entry.Changes.Any(c => c.Key != "members") || (entry.Members?.IsEmpty ?? true) && entry.Action == AuditActions.GroupUpdate)
                {
                    events.Add(Resource(EventTypes.GroupUpdated, entry, after, resourceType));
                }

                AddMembers(events, entry);
                break;
            case AuditActions.GroupDelete:
                events.Add(Changes(EventTypes.GroupDeleted, entry, resourceType));
                break;
            case AuditActions.RoleGrantsChange when entry.Grants is { } grants:
                // People whose grant moved by a statement of their own (a member added or removed) hear of it
                // on their own resource; a set-based change (a rule, a group renamed, deleted or nested)
                // is told on the role's, up to 1,000 people an event: 100,000 event rows cost seconds.
                AddGrants(events, grants.RoleId, grants.Gained, "gained", entry.Changes["cause"]);
                AddGrants(events, grants.RoleId, grants.Lost, "lost", entry.Changes["cause"]);
                AddChunks(events, AuditResourceTypes.Role, grants.RoleId, EventTypes.RoleGrantsRemoved, "userIds", grants.LostTogether, entry.Changes["cause"]);
                AddChunks(events, AuditResourceTypes.Role, grants.RoleId, EventTypes.RoleGrantsAdded, "userIds", grants.GainedTogether, entry.Changes["cause"]);
                break;
            case AuditActions.RoleGrantManual or AuditActions.RoleRevokeManual
                when entry.Changes["roleId"] is JsonValue role && Guid.TryParse(role.GetValue<string>(), out var roleId):
                AddGrants(events, roleId, [entry.ResourceId], entry.Action == AuditActions.RoleGrantManual ? "gained" : "lost", new JsonObject { ["type"] = "manual" });
                break;
            default:
                if (Simple(entry.Action) is { } type)
                {
                    events.Add(Changes(type, entry, resourceType));
                }

                break;
        }

        return events;
    }

    /// <summary>True when the events of <paramref name="entry"/> carry the resource as it is after the change.</summary>
    public static bool NeedsResource(AuditEntry entry) => entry.Action is AuditActions.UserCreate or AuditActions.EmployeeCreate
        or AuditActions.UserUpdate or AuditActions.EmployeeUpdate or AuditActions.GroupCreate or AuditActions.GroupUpdate;

    private static string? Simple(string action) => action switch
    {
        AuditActions.EmployeeInvite => EventTypes.EmployeeInvited,
        AuditActions.EmployeeActivate => EventTypes.EmployeeActivated,
        AuditActions.EmployeeLock => EventTypes.EmployeeLocked,
        AuditActions.EmployeeUnlock => EventTypes.EmployeeUnlocked,
        AuditActions.RoleCreate => EventTypes.RoleCreated,
        AuditActions.RoleUpdate => EventTypes.RoleUpdated,
        AuditActions.ScimTokenCreate => EventTypes.ScimTokenCreated,
        AuditActions.ScimTokenRevoke => EventTypes.ScimTokenRevoked,
        AuditActions.ScimSettingsUpdate => EventTypes.ScimSettingsUpdated,
        AuditActions.DomainAdd => EventTypes.DomainAdded,
        AuditActions.DomainVerify => EventTypes.DomainVerified,
        AuditActions.DomainRemove => EventTypes.DomainRemoved,
        AuditActions.AccessKeyCreate => EventTypes.AccessKeyCreated,
        AuditActions.AccessKeyActivate => EventTypes.AccessKeyActivated,
        AuditActions.AccessKeyDeactivate => EventTypes.AccessKeyDeactivated,
        AuditActions.AccessKeyDelete => EventTypes.AccessKeyDeleted,
        AuditActions.AppCreate => EventTypes.AppCreated,
        AuditActions.AppUpdate => EventTypes.AppUpdated,
        AuditActions.AppDelete => EventTypes.AppDeleted,
        AuditActions.AppConsentRevoke => EventTypes.AppConsentRevoked,
        AuditActions.WebhookCreate => EventTypes.WebhookEndpointCreated,
        AuditActions.WebhookUpdate or AuditActions.WebhookSecretRotate or AuditActions.WebhookDisable => EventTypes.WebhookEndpointUpdated,
        AuditActions.WebhookDelete => EventTypes.WebhookEndpointDeleted,
        _ => null,
    };

    // SCIM's active (an IdP's deprovisioning) or the employee's status (the console's deactivate) turning over.
    private static string UserUpdateType(JsonObject changes)
    {
        if (changes["active"] is JsonObject active)
        {
            var before = active["before"] is JsonValue b && b.TryGetValue<bool>(out var wasActive) ? wasActive : (bool?)null;
            var now = active["after"] is JsonValue a && a.TryGetValue<bool>(out var isActive) ? isActive : (bool?)null;
            if (now == false && before != false)
            {
                return EventTypes.UserDeactivated;
            }

            if (before == false && now != false)
            {
                return EventTypes.UserReactivated;
            }
        }

        if (changes["status"] is JsonObject status)
        {
            var before = status["before"]?.GetValue<string>();
            var now = status["after"]?.GetValue<string>();
            if (now == Employees.EmployeeStatuses.Deactivated && before != now)
            {
                return EventTypes.UserDeactivated;
            }

            if (before == Employees.EmployeeStatuses.Deactivated && before != now)
            {
                return EventTypes.UserReactivated;
            }
        }

        return EventTypes.UserUpdated;
    }

    private static PendingEvent Resource(string type, AuditEntry entry, ResourceRow? after, string resourceType) =>
        new(type, resourceType, entry.ResourceId, writer =>
        {
            if (after is not null)
            {
                writer.WritePropertyName("resource");
                writer.WriteRawValue(WithMeta(after, resourceType), skipInputValidation: true);
            }

            writer.WritePropertyName("changes");
            entry.Changes.WriteTo(writer);
        });

    private static PendingEvent Changes(string type, AuditEntry entry, string resourceType) =>
        new(type, resourceType, entry.ResourceId, writer =>
        {
            writer.WritePropertyName("changes");
            entry.Changes.WriteTo(writer);
        });

    private static void Write(Utf8JsonWriter writer, string name, JsonNode node)
    {
        writer.WritePropertyName(name);
        node.WriteTo(writer);
    }

    private static void AddGrants(List<PendingEvent> events, Guid roleId, IReadOnlyList<Guid> userIds, string change, JsonNode? cause)
    {
        foreach (var userId in userIds)
        {
            events.Add(new PendingEvent(EventTypes.EmployeeRolesChanged, AuditResourceTypes.User, userId, w =>
            {
                w.WriteStartObject("grant");
                w.WriteString("roleId", roleId);
                w.WriteString("change", change);
                if (cause is not null)
                {
                    Write(w, "cause", cause);
                }

                w.WriteEndObject();
            }));
        }
    }

    private static void AddMembers(List<PendingEvent> events, AuditEntry entry)
    {
        if (entry.Members is not { IsEmpty: false } diff)
        {
            return;
        }

        if (diff.RemovedAll is { } count)
        {
            // A PUT replaced the whole member list: the old members were not read, only counted.
            events.Add(new PendingEvent(EventTypes.GroupMembersRemoved, AuditResourceTypes.Group, entry.ResourceId, w =>
            {
                w.WriteBoolean("all", true);
                w.WriteNumber("count", count);
            }));
        }

        AddChunks(events, AuditResourceTypes.Group, entry.ResourceId, EventTypes.GroupMembersRemoved, "removed", diff.Removed, cause: null);
        AddChunks(events, AuditResourceTypes.Group, entry.ResourceId, EventTypes.GroupMembersAdded, "added", diff.Added, cause: null);
    }

    // Ids at most MembersPerEvent to an event, numbered part of parts, with the change's cause when it has one.
    private static void AddChunks(List<PendingEvent> events, string resourceType, Guid resourceId, string type, string name, IReadOnlyList<Guid> ids, JsonNode? cause)
    {
        var chunks = ids.Chunk(MembersPerEvent).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            var part = i + 1;
            events.Add(new PendingEvent(type, resourceType, resourceId, w =>
            {
                if (cause is not null)
                {
                    Write(w, "cause", cause);
                }

                w.WriteStartArray(name);
                foreach (var id in chunk)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
                w.WriteNumber("part", part);
                w.WriteNumber("parts", chunks.Count);
            }));
        }
    }

    // The stored document (an object's JSON text) with meta added before its closing brace, without parsing it again.
    private static string WithMeta(ResourceRow row, string resourceType)
    {
        var meta = $"\"meta\":{{\"resourceType\":{JsonSerializer.Serialize(resourceType)},\"created\":\"{ScimDateTime.ToText(row.Created)}\"," +
            $"\"lastModified\":\"{ScimDateTime.ToText(row.LastModified)}\",\"version\":{JsonSerializer.Serialize(ResourceVersion.ToETag(row.Version))}}}";
        var document = row.Document.TrimEnd();
        var body = document[..^1].TrimEnd();
        return body.EndsWith('{') ? body + meta + "}" : body + "," + meta + "}";
    }
}
