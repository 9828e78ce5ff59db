using Roster.Directory.Administration;
using Roster.Directory.Database;

namespace Roster.Directory.SchemaExtensions;

/// <summary>A tenant's own schema extensions, by URN, or one of them.</summary>
public sealed class ListSchemaExtensions(DirectoryDatabase database)
{
    public async Task<IReadOnlyList<SchemaExtension>> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await SchemaExtensionSql.ReadAllAsync(session, cancellationToken);
    }

    public async Task<AdminResult<SchemaExtension>> GetAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await SchemaExtensionSql.ReadAsync(session, id, cancellationToken) is { } extension ? extension : SchemaExtensionErrors.NotFound();
    }
}
