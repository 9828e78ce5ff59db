using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Listing;
using Roster.Scim.Patching;
using Roster.Scim.Schemas;

namespace Roster.Directory.Resources;

/// <summary>
/// The SCIM operations on one resource type (Users or Groups) of one tenant. Every operation
/// is one transaction; expected failures (not found, uniqueness, bad value, version mismatch)
/// come back as a <see cref="ScimError"/>, never as an exception.
/// </summary>
public interface IScimResourceStore
{
    /// <summary>The resource type this store serves.</summary>
    ResourceTypeDefinition ResourceType { get; }

    /// <summary>One resource; 404 when the id is unknown in the caller's tenant.</summary>
    Task<ScimResult<StoredResource>> GetAsync(ScimCaller caller, string id, bool includeMembers, CancellationToken cancellationToken);

    /// <summary>Creates a resource from a POST body (already parsed JSON, not yet normalised).</summary>
    Task<ScimResult<StoredResource>> CreateAsync(ScimCaller caller, JsonObject body, CancellationToken cancellationToken);

    /// <summary>Replaces a resource from a PUT body; 412 when <paramref name="expectedVersion"/> differs.</summary>
    Task<ScimResult<StoredResource>> ReplaceAsync(ScimCaller caller, string id, JsonObject body, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Applies PATCH operations; 412 when <paramref name="expectedVersion"/> differs.</summary>
    Task<ScimResult<StoredResource>> PatchAsync(ScimCaller caller, string id, IReadOnlyList<PatchOperation> operations, long? expectedVersion, bool includeMembers, CancellationToken cancellationToken);

    /// <summary>Deletes a resource; 404 when unknown, 412 when the version differs.</summary>
    Task<ScimResult<bool>> DeleteAsync(ScimCaller caller, string id, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Lists resources matching a query; the filter runs in the database.</summary>
    Task<ScimResult<ResourcePage>> ListAsync(ScimCaller caller, ListQuery query, CancellationToken cancellationToken);
}
