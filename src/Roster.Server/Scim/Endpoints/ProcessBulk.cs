using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Roster.Directory;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Scim.Bulk;
using Roster.Scim.Schemas;
using Roster.Server.Hosting;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>
/// POST /Bulk (RFC 7644 section 3.7). The body is bounded like every request's
/// (<c>maxPayloadSize</c>) and its operations are counted before it is parsed
/// (<c>maxOperations</c>), both a 413. The operations run in request order, except that one
/// referring to another's bulkId runs after it; each is answered with its own status.
/// </summary>
/// <remarks>
/// Transactions: the operations run in one database transaction of the tenant, each in a
/// savepoint of it. An operation that fails is rolled back alone and the others stand, which is
/// the partial success section 3.7 asks for ("MUST continue performing as many changes as
/// possible and disregard partial failures"); and the bulk pays for one commit (one fsync on
/// PostgreSQL) per <see cref="CheckpointEvery"/> operations instead of one per operation, which is
/// what makes 1,000 creates fit in a second. Every <see cref="CheckpointEvery"/> operations the
/// work is committed and the tenant's write lock left, so other writers wait for a part of a
/// bulk, never for all of it.
/// </remarks>
public static class ProcessBulk
{
    /// <summary>How many operations run between two commits.</summary>
    public const int CheckpointEvery = 200;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        ScimBodyReader reader,
        IOptions<RequestLimitsOptions> options,
        DirectoryDatabase database,
        ResourceRenderer renderer,
        [FromKeyedServices(DirectoryServiceCollectionExtensions.UsersKey)] IScimResourceStore users,
        [FromKeyedServices(DirectoryServiceCollectionExtensions.GroupsKey)] IScimResourceStore groups)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        var limits = options.Value;
        var bytes = await reader.ReadBytesAsync(context.Request);
        if (!bytes.IsSuccess)
        {
            return new ScimErrorResult(bytes.Error);
        }

        var request = BulkRequestReader.Read(bytes.Value, limits.MaxBulkOperations, limits.MaxJsonDepth);
        if (!request.IsSuccess)
        {
            return new ScimErrorResult(request.Error);
        }

        var caller = context.GetScimCaller();
        var plan = BulkOrder.Plan(request.Value.Operations);
        var runner = new BulkOperationRunner(context, caller, renderer, users, groups, limits.MaxPatchOperations);
        var results = new JsonObject?[request.Value.Operations.Count];
        await database.InOneTransactionAsync(caller.TenantId, async batch =>
        {
            var errors = 0;
            var ran = 0;
            foreach (var (operation, refused) in plan)
            {
                // failOnErrors: once that many have failed, the rest is not performed (section 3.7.3).
                if (request.Value.FailOnErrors is { } most && errors >= most)
                {
                    break;
                }

                var (result, failed) = await runner.RunAsync(operation, refused, context.RequestAborted);
                results[operation.Index] = result;
                errors += failed ? 1 : 0;
                if (++ran % CheckpointEvery == 0 && ran < plan.Count)
                {
                    await batch.CheckpointAsync();
                }
            }

            return ran;
        }, context.RequestAborted);

        var operations = new JsonArray();
        foreach (var result in results)
        {
            if (result is not null)
            {
                operations.Add(result);
            }
        }

        return new ScimJsonResult(new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUris.BulkResponse),
            ["Operations"] = operations,
        });
    }
}
