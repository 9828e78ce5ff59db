using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.SchemaExtensions;

/// <summary>
/// <c>uniqueness: server</c> of a tenant's own extension attributes (RFC 7643 section 7): a value
/// another resource of the tenant already holds is a 409 <c>uniqueness</c>. Checked inside the
/// write's transaction, which holds the tenant's write lock on either database, so two writes
/// cannot both pass. The comparison is the filter <c>urn:attr eq value</c> translated to SQL, so
/// case-exactness and types mean what they mean in a filter; it scans the tenant's documents (no
/// index on extension values).
/// </summary>
internal static class ExtensionUniqueness
{
    public static async Task<ScimError?> CheckAsync(
        SqlSession session, TenantSchemas schemas, ResourceTypeDefinition type, ResourceTable table, Guid id, JsonObject document, CancellationToken cancellationToken)
    {
        foreach (var extension in schemas.ExtensionsOf(type))
        {
            if (Member(document, extension.Urn) is not JsonObject data)
            {
                continue;
            }

            foreach (var attribute in extension.Schema.Attributes.Where(a => a.Uniqueness != Uniqueness.None && a.Returned != Returned.Never))
            {
                if (Literal(Member(data, attribute.Name)) is not { } literal)
                {
                    continue;
                }

                var parameters = session.Parameters();
                var filter = new ComparisonFilter(new AttributePath(extension.Urn, attribute.Name), ComparisonOperator.Equal, literal);
                var condition = new FilterSqlTranslator(session.Dialect).Translate(filter, table, type, parameters);
                if (!condition.IsSuccess)
                {
                    return condition.Error;
                }

                var taken = await session.ScalarAsync(
                    $"SELECT COUNT(*) FROM {table.Name} AS {table.Alias} WHERE {table.Qualified("tenant_id")} = {SqlParameters.Tenant} " +
                    $"AND {table.Qualified("id")} <> {parameters.Add(session.Dialect.Key(id))} AND ({condition.Value})",
                    parameters, cancellationToken);
                if (Convert.ToInt64(taken, CultureInfo.InvariantCulture) > 0)
                {
                    return ScimError.Uniqueness(
                        $"'{extension.Urn}:{attribute.Name}' must be unique, and another {type.Name} already has {literal}.");
                }
            }
        }

        return null;
    }

    private static JsonNode? Member(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static FilterLiteral? Literal(JsonNode? value) => value is JsonValue scalar
        ? scalar.GetValueKind() switch
        {
            JsonValueKind.String => FilterLiteral.FromString(scalar.GetValue<string>()),
            JsonValueKind.Number => FilterLiteral.FromNumber(scalar.GetValue<decimal>()),
            _ => null,
        }
        : null;
}
