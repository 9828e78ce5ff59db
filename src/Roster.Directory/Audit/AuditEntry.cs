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
    /// <summary>The resource's row after the change, when the write has it at hand; events carry it (a missing one is read).</summary>
    public ResourceRow? After { get; init; }

    /// <summary>The member rows the write inserted and deleted, every id of them: events list them all, in chunks.</summary>
    public MembershipDiff? Members { get; init; }

    /// <summary>For a <c>role.grants.change</c>: everyone who gained or lost the role, for its <c>employee.roles.changed</c> or <c>role.grants.*</c> events.</summary>
    public RoleGrants.RoleChange? Grants { get; init; }

    public static AuditEntry For(ScimCaller caller, string action, string resourceType, Guid resourceId, JsonObject changes) =>
        new(caller.ProfileId, caller.CredentialId, caller.Client, action, resourceType, resourceId, changes);

    public static AuditEntry For(AdminActor actor, string action, string resourceType, Guid resourceId, JsonObject changes) =>
        new(actor.ProfileId, actor.CredentialId, actor.Client, action, resourceType, resourceId, changes);
}
