using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Audit;

/// <summary>
/// The audit log of one tenant, newest first, with keyset paging on (occurred, id) so a page
/// costs the same however deep it is and events written meanwhile neither repeat nor vanish.
/// </summary>
public sealed class ListAuditEvents(DirectoryDatabase database)
{
    public async Task<AdminResult<AuditPage>> ExecuteAsync(Guid tenantId, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > AuditQuery.MaxPageSize)
        {
            return AdminError.Validation($"The page size must be between 1 and {AuditQuery.MaxPageSize}; it was {query.PageSize}.") with { Field = "pageSize" };
        }

        AuditCursor? cursor = null;
        if (query.Cursor is not null && (cursor = AuditCursor.Decode(query.Cursor)) is null)
        {
            return AdminError.Validation("The cursor is not one this server issued; start again from the first page.") with { Field = "cursor" };
        }

        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var dialect = session.Dialect;
        var parameters = session.Parameters();
        var sql = new StringBuilder(
            "SELECT id, occurred, actor_profile_id, credential_id, client, action, resource_type, resource_id, changes " +
            $"FROM audit_events WHERE tenant_id = {SqlParameters.Tenant}");
        if (query.Action is not null)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND action = {parameters.Add(query.Action)}");
        }

        if (query.ResourceType is not null)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND resource_type = {parameters.Add(query.ResourceType)}");
        }

        if (query.ResourceId is { } resource)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND resource_id = {parameters.Add(dialect.Key(resource))}");
        }

        if (query.CredentialId is { } credential)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND credential_id = {parameters.Add(dialect.Key(credential))}");
        }

        if (query.ActorProfileId is { } actor)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND actor_profile_id = {parameters.Add(dialect.Key(actor))}");
        }

        if (query.Client is not null)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND client = {parameters.Add(query.Client)}");
        }

        if (query.From is { } from)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND occurred >= {parameters.Add(dialect.Timestamp(Resources.ScimDateTime.Truncate(from)))}");
        }

        if (query.To is { } to)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND occurred < {parameters.Add(dialect.Timestamp(Resources.ScimDateTime.Truncate(to)))}");
        }

        if (cursor is not null)
        {
            var occurred = parameters.Add(dialect.Timestamp(cursor.Occurred));
            sql.Append(CultureInfo.InvariantCulture, $" AND (occurred < {occurred} OR (occurred = {occurred} AND id < {parameters.Add(dialect.Key(cursor.Id))}))");
        }

        // One more than the page tells whether there is a next page without counting.
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY occurred DESC, id DESC LIMIT {parameters.Add((long)query.PageSize + 1)}");
        var events = await session.QueryAsync(sql.ToString(), parameters, reader => Read(reader, dialect), cancellationToken);
        if (events.Count <= query.PageSize)
        {
            return new AuditPage(events, null);
        }

        events.RemoveAt(events.Count - 1);
        var last = events[^1];
        return new AuditPage(events, new AuditCursor(last.Occurred, last.Id).Encode());
    }

    private static AuditEvent Read(DbDataReader reader, ISqlDialect dialect) => new(
        dialect.ReadKey(reader, 0),
        dialect.ReadTimestamp(reader, 1),
        reader.IsDBNull(2) ? null : dialect.ReadKey(reader, 2),
        reader.IsDBNull(3) ? null : dialect.ReadKey(reader, 3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        dialect.ReadKey(reader, 7),
        JsonNode.Parse(reader.GetString(8))!.AsObject());
}
