using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Directory.Telemetry;
using Roster.Scim.Errors;
using Roster.Scim.Listing;
using Roster.Scim.Patching;
using Roster.Scim.Schemas;

namespace Roster.Directory.Groups;

/// <summary>The SCIM operations on Groups of the caller's tenant, one class per operation.</summary>
public sealed class GroupStore(DirectoryDatabase database, TimeProvider time, FilterSqlTranslator translator, DirectoryChangeLog changes) : IScimResourceStore
{
    private readonly GetGroup _get = new(database);
    private readonly CreateGroup _create = new(database, time, translator);
    private readonly ReplaceGroup _replace = new(database, time, translator);
    private readonly PatchGroup _patch = new(database, time, translator);
    private readonly DeleteGroup _delete = new(database, time);
    private readonly ListGroups _list = new(database, translator);

    public ResourceTypeDefinition ResourceType => ScimResourceTypes.Group;

    public Task<ScimResult<StoredResource>> GetAsync(ScimCaller caller, string id, bool includeMembers, CancellationToken cancellationToken) =>
        _get.ExecuteAsync(caller, id, includeMembers, cancellationToken);

    public Task<ScimResult<StoredResource>> CreateAsync(ScimCaller caller, JsonObject body, CancellationToken cancellationToken) =>
        changes.RecordAsync(caller, ResourceType.Name, "create", () => _create.ExecuteAsync(caller, body, cancellationToken));

    public Task<ScimResult<StoredResource>> ReplaceAsync(ScimCaller caller, string id, JsonObject body, long? expectedVersion, CancellationToken cancellationToken) =>
        changes.RecordAsync(caller, ResourceType.Name, "replace", () => _replace.ExecuteAsync(caller, id, body, expectedVersion, cancellationToken));

    public Task<ScimResult<StoredResource>> PatchAsync(ScimCaller caller, string id, IReadOnlyList<PatchOperation> operations, long? expectedVersion, bool includeMembers, CancellationToken cancellationToken) =>
        changes.RecordAsync(caller, ResourceType.Name, "patch", () => _patch.ExecuteAsync(caller, id, operations, expectedVersion, includeMembers, cancellationToken));

    public Task<ScimResult<bool>> DeleteAsync(ScimCaller caller, string id, long? expectedVersion, CancellationToken cancellationToken) =>
        changes.RecordAsync(caller, ResourceType.Name, "delete", () => _delete.ExecuteAsync(caller, id, expectedVersion, cancellationToken));

    public Task<ScimResult<ResourcePage>> ListAsync(ScimCaller caller, ListQuery query, CancellationToken cancellationToken) =>
        _list.ExecuteAsync(caller, query, cancellationToken);
}
