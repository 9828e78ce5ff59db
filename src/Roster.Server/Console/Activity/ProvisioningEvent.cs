using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Audit;

namespace Roster.Server.Console.Activity;

/// <summary>One SCIM write of an identity provider, read from its audit event.</summary>
public sealed record ProvisioningEvent(DateTimeOffset Occurred, string Client, Guid? CredentialId, ProvisioningEventKind Kind, string ResourceType, Guid ResourceId, string Summary)
{
    /// <summary>The provisioning event an audit event records, or null for an administrator's change.</summary>
    public static ProvisioningEvent? From(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);

        // SCIM writes are the only ones on User and Group resources; administrators change Employees.
        if (audit.ResourceType is not (AuditResourceTypes.User or AuditResourceTypes.Group))
        {
            return null;
        }

        ProvisioningEventKind? kind = audit.Action switch
        {
            AuditActions.UserCreate or AuditActions.GroupCreate => ProvisioningEventKind.Create,
            AuditActions.UserUpdate when TurnedInactive(audit.Changes) => ProvisioningEventKind.Deactivation,
            AuditActions.UserUpdate or AuditActions.GroupUpdate => ProvisioningEventKind.Update,
            AuditActions.UserDelete or AuditActions.GroupDelete => ProvisioningEventKind.Delete,
            AuditActions.GroupMembersAdd or AuditActions.GroupMembersRemove => ProvisioningEventKind.GroupChange,
            _ => null,
        };
        return kind is { } known
            ? new ProvisioningEvent(audit.Occurred, audit.Client, audit.CredentialId, known, audit.ResourceType, audit.ResourceId, Describe(audit))
            : null;
    }

    private static bool TurnedInactive(JsonObject changes) =>
        changes["active"] is JsonObject active && IsTrue(active["before"]) && active["after"] is JsonValue after && after.GetValueKind() == JsonValueKind.False;

    private static bool IsTrue(JsonNode? node) => node is null || (node is JsonValue value && value.GetValueKind() == JsonValueKind.True);

    /// <summary>The name the IdP gave the resource, and which attributes changed.</summary>
    private static string Describe(AuditEvent audit)
    {
        var changes = audit.Changes;
        var name = Text(changes["userName"]?["after"]) ?? Text(changes["userName"]?["before"])
            ?? Text(changes["displayName"]?["after"]) ?? Text(changes["displayName"]?["before"]);
        var attributes = string.Join(", ", changes.Select(c => c.Key));
        return name is null ? attributes : attributes.Length == 0 ? name : $"{name}: {attributes}";
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
