using System.Net;
using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Groups;
using Roster.Directory.Resources;
using Roster.Scim.Patching;

namespace Roster.Directory.Employees;

/// <summary>
/// Adds an employee to a group or removes them, by hand (console, admin API). Refused while SCIM
/// provisioning is on, like every manual change of users (<see cref="ManualManagementLock"/>):
/// the IdP owns group memberships then. The change itself is the same one-row membership write
/// a SCIM PATCH makes, audited as <c>group.members.add</c> / <c>group.members.remove</c> and
/// credited to the administrator.
/// </summary>
public sealed class ChangeEmployeeGroups(DirectoryDatabase database, GroupStore groups)
{
    public Task<AdminResult<bool>> AddAsync(AdminActor actor, Guid employeeId, Guid groupId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, employeeId, groupId, new JsonObject
        {
            ["op"] = "add",
            ["path"] = "members",
            ["value"] = new JsonArray(new JsonObject { ["value"] = employeeId.ToString() }),
        }, cancellationToken);

    public Task<AdminResult<bool>> RemoveAsync(AdminActor actor, Guid employeeId, Guid groupId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, employeeId, groupId, new JsonObject
        {
            ["op"] = "remove",
            ["path"] = $"members[value eq \"{employeeId}\"]",
        }, cancellationToken);

    private async Task<AdminResult<bool>> ChangeAsync(AdminActor actor, Guid employeeId, Guid groupId, JsonObject operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using (var session = await database.ReadAsync(actor.TenantId, cancellationToken))
        {
            if (await ManualManagementLock.CheckAsync(session, actor, cancellationToken) is { } locked)
            {
                return locked;
            }

            if (await EmployeeSql.ReadAsync(session, employeeId, cancellationToken) is null)
            {
                return EmployeeErrors.NotFound(employeeId);
            }
        }

        var request = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
            ["Operations"] = new JsonArray(operation),
        };
        var operations = PatchRequestReader.Read(request);
        var caller = new ScimCaller(actor.TenantId, actor.CredentialId, actor.Client, actor.ProfileId, actor.Permissions);
        var patched = await groups.PatchAsync(caller, groupId.ToString(), operations.GetValueOrThrow(), null, includeMembers: false, cancellationToken);
        if (patched.IsSuccess)
        {
            return true;
        }

        return patched.Error.Status == HttpStatusCode.NotFound
            ? AdminError.NotFound($"There is no group {groupId} in this organization.")
            : AdminError.Validation(patched.Error.Detail);
    }
}
