using System.Text.Json.Nodes;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Listing;
using Roster.Scim.Patching;
using Roster.Scim.Schemas;

namespace Roster.Directory.Provisioning;

/// <summary>
/// The one place that honours "SCIM provisioning off": wraps a resource store and answers every
/// operation with 403 while the tenant's SCIM settings are disabled. While enabled it passes
/// the call on and notes it for the settings page's status (<see cref="ScimCallRecorder"/>).
/// The switch is read before the operation's own transaction: a request already past it when
/// an administrator turns SCIM off still completes, as a request already running would.
/// </summary>
public sealed class ProvisioningSwitch(IScimResourceStore inner, ScimSwitchCache switches, ScimCallRecorder recorder) : IScimResourceStore
{
    public ResourceTypeDefinition ResourceType => inner.ResourceType;

    public Task<ScimResult<StoredResource>> GetAsync(ScimCaller caller, string id, bool includeMembers, CancellationToken cancellationToken) =>
        WhenEnabledAsync(caller, () => inner.GetAsync(caller, id, includeMembers, cancellationToken), cancellationToken);

    public Task<ScimResult<StoredResource>> CreateAsync(ScimCaller caller, JsonObject body, CancellationToken cancellationToken) =>
        WhenEnabledAsync(caller, () => inner.CreateAsync(caller, body, cancellationToken), cancellationToken);

    public Task<ScimResult<StoredResource>> ReplaceAsync(ScimCaller caller, string id, JsonObject body, long? expectedVersion, CancellationToken cancellationToken) =>
        WhenEnabledAsync(caller, () => inner.ReplaceAsync(caller, id, body, expectedVersion, cancellationToken), cancellationToken);

    public Task<ScimResult<StoredResource>> PatchAsync(ScimCaller caller, string id, IReadOnlyList<PatchOperation> operations, long? expectedVersion, bool includeMembers, CancellationToken cancellationToken) =>
        WhenEnabledAsync(caller, () => inner.PatchAsync(caller, id, operations, expectedVersion, includeMembers, cancellationToken), cancellationToken);

    public Task<ScimResult<bool>> DeleteAsync(ScimCaller caller, string id, long? expectedVersion, CancellationToken cancellationToken) =>
        WhenEnabledAsync(caller, () => inner.DeleteAsync(caller, id, expectedVersion, cancellationToken), cancellationToken);

    public Task<ScimResult<ResourcePage>> ListAsync(ScimCaller caller, ListQuery query, CancellationToken cancellationToken) =>
        WhenEnabledAsync(caller, () => inner.ListAsync(caller, query, cancellationToken), cancellationToken);

    private async Task<ScimResult<T>> WhenEnabledAsync<T>(ScimCaller caller, Func<Task<ScimResult<T>>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!await switches.IsEnabledAsync(caller.TenantId, cancellationToken))
        {
            return ProvisioningErrors.Disabled();
        }

        await recorder.RecordScimCallAsync(caller.TenantId, caller.Client, cancellationToken);
        return await operation();
    }
}
