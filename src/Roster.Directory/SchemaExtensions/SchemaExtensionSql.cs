using System.Data.Common;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Scim.Discovery;
using Roster.Scim.Schemas;

namespace Roster.Directory.SchemaExtensions;

/// <summary>The statements on <c>scim_schema_extensions</c>.</summary>
internal static class SchemaExtensionSql
{
    private const string Columns = "id, resource_type, required, definition, created, last_modified, version";

    /// <summary>Every extension of the tenant, by URN; a stored definition that no longer reads is left out.</summary>
    public static async Task<List<SchemaExtension>> ReadAllAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {Columns} FROM scim_schema_extensions WHERE tenant_id = {SqlParameters.Tenant}",
            session.Parameters(), reader => Read(reader, dialect), cancellationToken);
        return [.. rows.OfType<SchemaExtension>().OrderBy(e => e.Urn, StringComparer.OrdinalIgnoreCase)];
    }

    public static async Task<SchemaExtension?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var rows = await session.QueryAsync(
            $"SELECT {Columns} FROM scim_schema_extensions WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(id))}",
            parameters, reader => Read(reader, dialect), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public static async Task<int> CountAsync(SqlSession session, CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await session.ScalarAsync($"SELECT COUNT(*) FROM scim_schema_extensions WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);

    public static Task InsertAsync(SqlSession session, SchemaExtension extension, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var time = parameters.Add(dialect.Timestamp(extension.Created));
        return session.ExecuteAsync(
            "INSERT INTO scim_schema_extensions (tenant_id, id, urn, urn_key, resource_type, required, definition, created, last_modified, version) " +
            $"VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(extension.Id))}, {parameters.Add(extension.Urn)}, {parameters.Add(UrnKey(extension.Urn))}, " +
            $"{parameters.Add(extension.ResourceType)}, {parameters.Add(dialect.BooleanValue(extension.Required))}, {parameters.Add(Definition(extension.Schema))}, {time}, {time}, 1)",
            parameters, cancellationToken);
    }

    public static Task UpdateAsync(SqlSession session, SchemaExtension extension, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"UPDATE scim_schema_extensions SET required = {parameters.Add(dialect.BooleanValue(extension.Required))}, definition = {parameters.Add(Definition(extension.Schema))}, " +
            $"last_modified = {parameters.Add(dialect.Timestamp(extension.LastModified))}, version = {parameters.Add(extension.Version)} " +
            $"WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(extension.Id))}",
            parameters, cancellationToken);
    }

    public static Task DeleteAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"DELETE FROM scim_schema_extensions WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}",
            parameters, cancellationToken);
    }

    /// <summary>The extension as the audit log shows it.</summary>
    public static JsonObject ToAuditJson(SchemaExtension extension) => new()
    {
        ["urn"] = extension.Urn,
        ["resourceType"] = extension.ResourceType,
        ["required"] = extension.Required,
        ["attributes"] = new JsonArray([.. extension.Schema.Attributes.Select(a => (JsonNode)a.Name)]),
    };

    /// <summary>The schema as stored: RFC 7643's representation, without <c>meta</c>.</summary>
    public static string Definition(SchemaDefinition schema)
    {
        var json = SchemaDocumentWriter.Write(schema, "");
        json.Remove("meta");
        json.Remove("schemas");
        return json.ToJsonString();
    }

    public static string UrnKey(string urn) => urn.ToLowerInvariant();

    private static SchemaExtension? Read(DbDataReader reader, ISqlDialect dialect)
    {
        var schema = JsonNode.Parse(reader.GetString(3)) is JsonObject json ? SchemaExtensionReader.Read(json) : default;
        return schema is { IsSuccess: true, Value: { } definition }
            ? new SchemaExtension(
                dialect.ReadKey(reader, 0),
                reader.GetString(1),
                Convert.ToBoolean(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                definition,
                dialect.ReadTimestamp(reader, 4),
                dialect.ReadTimestamp(reader, 5),
                Convert.ToInt64(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }
}
