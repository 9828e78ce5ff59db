using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Audit;

/// <summary>
/// Writes audit events inside the caller's write session, so an event exists exactly when the
/// change it describes was committed (ARCHITECTURE decision 8): a refused or rolled-back write
/// leaves none.
/// </summary>
internal static class AuditTrail
{
    private const int MaxClientLength = 200;

    public static Task AppendAsync(SqlSession session, AuditEntry entry, DateTimeOffset occurred, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var id = AuditEventIds.Next(occurred);
        return session.ExecuteAsync(
            "INSERT INTO audit_events (tenant_id, id, occurred, actor_profile_id, credential_id, client, action, resource_type, resource_id, changes) " +
            $"VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(id))}, {parameters.Add(dialect.Timestamp(occurred))}, " +
            $"{parameters.Add(entry.ActorProfileId is { } profile ? dialect.Key(profile) : null)}, " +
            $"{parameters.Add(entry.CredentialId is { } credential ? dialect.Key(credential) : null)}, " +
            $"{parameters.Add(entry.Client.Length > MaxClientLength ? entry.Client[..MaxClientLength] : entry.Client)}, {parameters.Add(entry.Action)}, {parameters.Add(entry.ResourceType)}, " +
            $"{parameters.Add(dialect.Key(entry.ResourceId))}, {parameters.Add(entry.Changes.ToJsonString())})",
            parameters, cancellationToken);
    }
}
