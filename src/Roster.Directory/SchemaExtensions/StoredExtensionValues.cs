using System.Globalization;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.SchemaExtensions;

/// <summary>
/// How many users or groups of the tenant hold a value under an extension, or under one of its
/// attributes: a definition change that would leave such values meaningless (a type changed, an
/// attribute or the extension removed) is refused while any is stored. A scan of the tenant's
/// documents (no index on extension values), run only when an administrator changes a definition.
/// </summary>
internal static class StoredExtensionValues
{
    public static async Task<long> CountAsync(SqlSession session, string resourceType, DocumentPath path, CancellationToken cancellationToken)
    {
        var table = resourceType == Scim.Schemas.ScimResourceTypes.Group.Name ? ResourceTable.Groups : ResourceTable.Users;
        var count = await session.ScalarAsync(
            $"SELECT COUNT(*) FROM {table.Name} AS {table.Alias} WHERE {table.Qualified("tenant_id")} = {SqlParameters.Tenant} " +
            $"AND {session.Dialect.JsonPresent(table.Qualified("document"), path)}",
            session.Parameters(), cancellationToken);
        return Convert.ToInt64(count, CultureInfo.InvariantCulture);
    }
}
