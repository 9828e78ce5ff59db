using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Resources;

namespace Roster.Directory.Audit;

/// <summary>What a write use case hands to <see cref="AuditTrail"/>: who, what, on which resource, and the changes.</summary>
internal sealed record AuditEntry(
    Guid? ActorProfileId,
    Guid? CredentialId,
    string Client,
    string Action,
    string ResourceType,
    Guid ResourceId,
    JsonObject Changes)
{
    public static AuditEntry For(ScimCaller caller, string action, string resourceType, Guid resourceId, JsonObject changes) =>
        new(caller.ProfileId, caller.CredentialId, caller.Client, action, resourceType, resourceId, changes);

    public static AuditEntry For(AdminActor actor, string action, string resourceType, Guid resourceId, JsonObject changes) =>
        new(actor.ProfileId, actor.CredentialId, actor.Client, action, resourceType, resourceId, changes);
}
