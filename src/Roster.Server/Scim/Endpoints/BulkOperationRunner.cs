using System.Globalization;
using System.Text.Json.Nodes;
using Roster.Directory.Resources;
using Roster.Scim.Bulk;
using Roster.Scim.Errors;
using Roster.Scim.Patching;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>
/// Runs one operation of a bulk request through the same store call its own request would make
/// (so the caller's permissions, the tenant's provisioning policy, role grants, audit and events
/// apply to it alike), and writes its element of the BulkResponse (RFC 7644 section 3.7.3).
/// </summary>
internal sealed class BulkOperationRunner(
    HttpContext context, ScimCaller caller, ResourceRenderer renderer, IScimResourceStore users, IScimResourceStore groups, int maxPatchOperations)
{
    /// <summary>The ids of the resources this request's POSTs created, by bulkId.</summary>
    private readonly Dictionary<string, string> _created = new(StringComparer.Ordinal);

    /// <summary>The bulkIds whose POST failed, so a reference to one says why it cannot be resolved.</summary>
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public async Task<(JsonObject Result, bool Failed)> RunAsync(BulkOperation operation, ScimError? refused, CancellationToken cancellationToken)
    {
        var outcome = refused ?? Unresolved(operation);
        var (status, location, version) = (0, (string?)null, (long?)null);
        if (outcome is null)
        {
            var (path, data) = BulkIdReferences.Resolve(operation.Path, operation.Data, _created);
            var ran = await RunResolvedAsync(operation.Method, path, data, operation.Version, cancellationToken);
            if (ran.IsSuccess)
            {
                (status, location, version) = ran.Value;
            }
            else
            {
                outcome = ran.Error;
            }
        }

        if (operation.BulkId is { } bulkId && operation.Method == "POST")
        {
            if (outcome is null && location is not null)
            {
                _created[bulkId] = location[(location.LastIndexOf('/') + 1)..];
            }
            else
            {
                _failed.Add(bulkId);
            }
        }

        var result = new JsonObject { ["method"] = operation.Method };
        if (operation.BulkId is not null)
        {
            result["bulkId"] = operation.BulkId;
        }

        if (outcome is not null)
        {
            result["status"] = ((int)outcome.Status).ToString(CultureInfo.InvariantCulture);
            result["response"] = ScimErrorDocument.Create(outcome);
            return (result, true);
        }

        if (location is not null)
        {
            result["location"] = location;
        }

        if (version is { } v)
        {
            result["version"] = EntityTag.Format(v);
        }

        result["status"] = status.ToString(CultureInfo.InvariantCulture);
        return (result, false);
    }

    private ScimError? Unresolved(BulkOperation operation)
    {
        foreach (var bulkId in operation.References)
        {
            if (!_created.ContainsKey(bulkId))
            {
                return BulkOrder.Conflict(_failed.Contains(bulkId)
                    ? $"The operation refers to bulkId '{bulkId}', whose POST failed; nothing was created to refer to."
                    : $"The operation refers to bulkId '{bulkId}', whose POST did not run.");
            }
        }

        return null;
    }

    private async Task<ScimResult<(int Status, string? Location, long? Version)>> RunResolvedAsync(
        string method, string path, JsonObject? data, string? versionTag, CancellationToken cancellationToken)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (key, store) = segments.Length > 0 ? ResourceStore(segments[0]) : (null, null);
        if (key is null || store is null || segments.Length > 2)
        {
            return ScimError.InvalidPath($"The path '{path}' is not /Users, /Groups or one of their resources (/Users/{{id}}, /Groups/{{id}}).");
        }

        if (method == "POST")
        {
            if (segments.Length != 1)
            {
                return ScimError.InvalidPath($"A POST's path is the resource type's endpoint (/{key}), not '{path}'.");
            }

            var created = await store.CreateAsync(caller, data!, cancellationToken);
            return created.IsSuccess
                ? (StatusCodes.Status201Created, renderer.Location(context.Request, created.Value, store.ResourceType), created.Value.Version)
                : created.Error;
        }

        if (segments.Length != 2)
        {
            return ScimError.InvalidPath($"A {method}'s path names one resource (/{key}/{{id}}), not '{path}'.");
        }

        var id = segments[1];
        var expected = EntityTag.ExpectedVersion(versionTag);
        if (!expected.IsSuccess)
        {
            return expected.Error;
        }

        switch (method)
        {
            case "PUT":
                var replaced = await store.ReplaceAsync(caller, id, data!, expected.Value, cancellationToken);
                return replaced.IsSuccess
                    ? (StatusCodes.Status200OK, renderer.Location(context.Request, replaced.Value, store.ResourceType), replaced.Value.Version)
                    : replaced.Error;
            case "PATCH":
                var operations = PatchRequestReader.Read(data!, maxPatchOperations);
                if (!operations.IsSuccess)
                {
                    return operations.Error;
                }

                var patched = await store.PatchAsync(caller, id, operations.Value, expected.Value, includeMembers: false, cancellationToken);
                return patched.IsSuccess
                    ? (StatusCodes.Status200OK, renderer.Location(context.Request, patched.Value, store.ResourceType), patched.Value.Version)
                    : patched.Error;
            default:
                var deleted = await store.DeleteAsync(caller, id, expected.Value, cancellationToken);
                return deleted.IsSuccess
                    ? (StatusCodes.Status204NoContent, null, null)
                    : deleted.Error;
        }
    }

    private (string? Key, IScimResourceStore? Store) ResourceStore(string segment) =>
        string.Equals(segment, "Users", StringComparison.OrdinalIgnoreCase) ? ("Users", users)
        : string.Equals(segment, "Groups", StringComparison.OrdinalIgnoreCase) ? ("Groups", groups)
        : (null, null);
}
