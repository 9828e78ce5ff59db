using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Listing;
using Roster.Directory.Resources;
using Roster.Directory.Users;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Roles;

/// <summary>
/// The users that hold a role by name in their SCIM <c>roles</c>. A renamed role is renamed on
/// them too, else <see cref="Provisioning.ProvisioningPolicy"/> would refuse every later update
/// of them for naming a role that no longer exists.
/// </summary>
internal sealed class RoleHolders(FilterSqlTranslator translator)
{
    /// <summary>
    /// Sets every <c>roles[].value</c> equal to <paramref name="oldName"/> (case-sensitive) to
    /// <paramref name="newName"/>, at each such user's next version, with one <c>user.update</c>
    /// audit event per user credited to <paramref name="actor"/>, in the caller's transaction.
    /// </summary>
    public async Task RenameAsync(SqlSession session, AdminActor actor, string oldName, string newName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var row in await CandidatesAsync(session, oldName, cancellationToken))
        {
            var previous = JsonNode.Parse(row.Document)!.AsObject();
            var document = previous.DeepClone().AsObject();
            var renamed = false;
            foreach (var role in (document["roles"] as JsonArray ?? []).OfType<JsonObject>())
            {
                // The filter matched case-insensitively (roles.value is not caseExact); role names are case-sensitive.
                if (role["value"] is JsonValue value && value.TryGetValue<string>(out var name) && string.Equals(name, oldName, StringComparison.Ordinal))
                {
                    role["value"] = newName;
                    renamed = true;
                }
            }

            if (!renamed)
            {
                continue;
            }

            // Only roles changed, so the columns are the stored ones; a stored document always
            // has its columns (they were derived when it was stored).
            var columns = UserColumns.From(document).GetValueOrThrow();
            await UserSql.UpdateAsync(session, row.Id, columns, columns, now, row.Version + 1, document.ToJsonString(), cancellationToken);
            var entry = AuditEntry.For(actor, AuditActions.UserUpdate, AuditResourceTypes.User, row.Id, AuditChanges.Diff(previous, document));
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
        }
    }

    private async Task<List<ResourceRow>> CandidatesAsync(SqlSession session, string name, CancellationToken cancellationToken)
    {
        var filter = FilterParser.Parse($"roles[value eq {JsonSerializer.Serialize(name)}]");
        var parameters = session.Parameters();
        var table = ResourceTable.Users;
        var condition = translator.Translate(filter.GetValueOrThrow(), table, ScimResourceTypes.User, parameters);
        if (!condition.IsSuccess)
        {
            throw new InvalidOperationException($"The role filter did not translate: {condition.Error.Detail}");
        }

        var dialect = session.Dialect;
        return await session.QueryAsync(
            $"SELECT {ResourceListing.Qualify(table.Alias)} FROM {table.Name} AS {table.Alias} WHERE {table.Alias}.tenant_id = {SqlParameters.Tenant} AND {condition.Value}",
            parameters, reader => ResourceListing.Read(reader, dialect), cancellationToken);
    }
}
