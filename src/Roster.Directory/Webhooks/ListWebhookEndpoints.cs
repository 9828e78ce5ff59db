using Roster.Directory.Administration;
using Roster.Directory.Database;

namespace Roster.Directory.Webhooks;

/// <summary>A tenant's webhook endpoints, with how many deliveries each has pending and dead.</summary>
public sealed class ListWebhookEndpoints(DirectoryDatabase database)
{
    public async Task<IReadOnlyList<WebhookEndpoint>> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await WebhookSql.ListAsync(session, cancellationToken);
    }

    public async Task<AdminResult<WebhookEndpoint>> GetAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await WebhookSql.ReadAsync(session, id, cancellationToken) is { } endpoint ? endpoint : WebhookErrors.NotFound();
    }
}
