using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Operators;

/// <summary>
/// The operator's own audit trail (<c>operator_events</c>), written in the transaction of the
/// change it describes: tenants created, renamed and deleted, setup links issued, operator keys
/// made and revoked. A tenant's own audit log also records what happens to it while it exists;
/// its deletion is only here.
/// </summary>
public sealed class OperatorEvents(DirectoryDatabase database)
{
    public const string TenantCreate = "tenant.create";
    public const string TenantRename = "tenant.rename";
    public const string TenantDelete = "tenant.delete";
    public const string SetupLinkIssue = "setup_link.issue";
    public const string KeyCreate = "operator_key.create";
    public const string KeyRevoke = "operator_key.revoke";

    /// <summary>The audit log's resource type of a change to the tenant itself.</summary>
    public const string TenantResource = "Tenant";

    /// <summary>The newest events first.</summary>
    public async Task<IReadOnlyList<OperatorEventRecord>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(Guid.Empty);
        var events = await db.Set<OperatorEventRecord>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. events.OrderByDescending(e => e.Occurred).ThenByDescending(e => e.Id).Take(Math.Clamp(limit, 1, 1000))];
    }

    internal static Task AppendAsync(SqlSession session, OperatorActor actor, string action, Guid? tenantId, JsonObject changes, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            "INSERT INTO operator_events (id, occurred, client, key_id, action, tenant_id, changes) " +
            $"VALUES ({parameters.Add(dialect.Key(Guid.CreateVersion7(session.Now)))}, {parameters.Add(dialect.Timestamp(ScimDateTime.Truncate(session.Now)))}, " +
            $"{parameters.Add(actor.Client)}, {parameters.Add(actor.KeyId is { } key ? dialect.Key(key) : null)}, {parameters.Add(action)}, " +
            $"{parameters.Add(tenantId is { } tenant ? dialect.Key(tenant) : null)}, {parameters.Add(changes.ToJsonString())})",
            parameters, cancellationToken, OperatorRows.Scope);
    }
}
