using System.Text.Json.Nodes;
using Roster.Directory.Audit;

namespace Roster.Server.Admin.Audit;

/// <summary>One audit event: when, who (employee profile, credential, client), what, on which resource, and what changed.</summary>
public sealed record AuditEventDocument(
    Guid Id,
    DateTimeOffset Occurred,
    Guid? ActorProfileId,
    Guid? CredentialId,
    string Client,
    string Action,
    string ResourceType,
    Guid ResourceId,
    JsonObject Changes)
{
    public static AuditEventDocument From(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Occurred, e.ActorProfileId, e.CredentialId, e.Client, e.Action, e.ResourceType, e.ResourceId, e.Changes);
    }
}
