using System.Data.Common;
using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Scim.Errors;

namespace Roster.Directory.Users;

/// <summary>
/// The common end of PUT and PATCH: the tenant's <see cref="ProvisioningPolicy"/>, then the new
/// document and columns at the next version and the <c>user.update</c> audit event, all in the
/// caller's transaction.
/// </summary>
internal static class UserUpdate
{
    public static async Task<ScimResult<StoredResource>> WriteAsync(
        SqlSession session, ScimCaller caller, ResourceRow row, JsonObject previousDocument, JsonObject newDocument, TimeProvider time, bool includeGroups, CancellationToken cancellationToken)
    {
        if (UserNames.Prepare(newDocument, previousDocument) is { } badName)
        {
            return badName;
        }

        if (await ProvisioningPolicy.ApplyAsync(session, previousDocument, newDocument, caller.Permissions, Roles.PrivilegeRules.Credentials, cancellationToken) is { } refused)
        {
            return refused;
        }

        var previous = UserColumns.From(previousDocument);
        var document = ResourceDocuments.ForStorage(newDocument, row.Id);
        var columns = UserColumns.From(document);
        if (!columns.IsSuccess)
        {
            return columns.Error;
        }

        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var json = document.ToJsonString();
        var version = row.Version + 1;
        try
        {
            await UserSql.UpdateAsync(session, row.Id, columns.Value!, previous.Value ?? columns.Value!, now, version, json, cancellationToken);
        }
        catch (DbException e) when (session.Dialect.IsUniqueViolation(e))
        {
            return UserErrors.UserNameTaken(columns.Value!.UserName);
        }

        var entry = AuditEntry.For(caller, AuditActions.UserUpdate, AuditResourceTypes.User, row.Id, AuditChanges.Diff(previousDocument, document))
            with { After = row with { Version = version, LastModified = now, Document = json } };
        await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
        var groups = includeGroups ? await UserSql.GroupsAsync(session, [row.Id], cancellationToken) : null;
        return ResourceDocuments.ToResource(document, row with { Version = version, LastModified = now, Document = json },
            UserSql.ResourceType, "groups", groups?.GetValueOrDefault(row.Id));
    }
}
