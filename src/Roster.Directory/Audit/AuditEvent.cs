using System.Text.Json.Nodes;

namespace Roster.Directory.Audit;

/// <summary>
/// One audit event as the audit query returns it: when, who (profile, credential, client),
/// what (<see cref="AuditActions"/>) on which resource, and <see cref="Changes"/>: each changed
/// top-level attribute as <c>{"before":..., "after":...}</c>, group members as
/// <c>added</c>/<c>removed</c> id lists.
/// </summary>
public sealed record AuditEvent(
    Guid Id,
    DateTimeOffset Occurred,
    Guid? ActorProfileId,
    Guid? CredentialId,
    string Client,
    string Action,
    string ResourceType,
    Guid ResourceId,
    JsonObject Changes);
