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

    /// <summary>The extension with this URN, ignoring case as the URN's uniqueness does.</summary>
    public async Task<AdminResult<SchemaExtension>> FindAsync(Guid tenantId, string urn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(urn);
        var all = await ExecuteAsync(tenantId, cancellationToken);
        return all.FirstOrDefault(e => string.Equals(e.Urn, urn.Trim(), StringComparison.OrdinalIgnoreCase)) is { } extension
            ? extension
            : SchemaExtensionErrors.NoSuchUrn(urn);
    }
}
