using System.Data.Common;
using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Resources;

namespace Roster.Directory.Users;

/// <summary>
/// POST /Users (RFC 7644 section 3.3). userName is unique ignoring case within the tenant; the
/// unique index on <c>user_name_key</c> decides, so a create is one INSERT and a taken name is
/// the constraint violation, turned into 409 <c>uniqueness</c>. externalId is stored and
/// filterable but not unique: IdPs reuse it across apps. The tenant's
/// <see cref="ProvisioningPolicy"/> runs first, in the same transaction as the INSERT and its
/// audit event.
/// </summary>
public sealed class CreateUser(DirectoryDatabase database, TimeProvider time)
{
    public async Task<ScimResult<StoredResource>> ExecuteAsync(ScimCaller caller, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var normalized = ResourceNormalizer.Normalize(body, caller.Schemas.User, ResourceWriteMode.Create);
        if (!normalized.IsSuccess)
        {
            return normalized.Error;
        }

        // A user created without "active" is an active user (the employee's status says so), and
        // MoEngage documents active as defaulting to true: store it, so every read says it too.
        var user = normalized.Value;
        user.TryAdd("active", true);
        if (UserNames.Prepare(user, null) is { } badName)
        {
            return badName;
        }

        if (MultiValuedLimit.Check(null, user, caller.Schemas.User, database.Limits.MaxValuesPerAttribute) is { } tooMany)
        {
            return tooMany;
        }

        return await database.WriteAsync<StoredResource>(caller.TenantId, async session =>
        {
            var policy = await ProvisioningPolicy.ApplyAsync(session, null, null, user, caller.Permissions, Roles.PrivilegeRules.Credentials, cancellationToken);
            if (!policy.IsSuccess)
            {
                return policy.Error;
            }

            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var id = Guid.CreateVersion7(now);
            var document = ResourceDocuments.ForStorage(user, id);
            await ManagerDisplayName.FillAsync(session, document, cancellationToken);
            if (await SchemaExtensions.ExtensionUniqueness.CheckAsync(session, caller.Schemas, caller.Schemas.User, Filtering.ResourceTable.Users, id, document, cancellationToken) is { } notUnique)
            {
                return notUnique;
            }

            var columns = UserColumns.From(document);
            if (!columns.IsSuccess)
            {
                return columns.Error;
            }

            var json = document.ToJsonString();
            try
            {
                await UserSql.InsertAsync(session, id, columns.Value, now, json, status: null, cancellationToken);
            }
            catch (DbException e) when (session.Dialect.IsUniqueViolation(e))
            {
                return UserErrors.UserNameTaken(columns.Value.UserName);
            }

            var granted = await policy.Value.GrantAsync(session, id, document, caller.Permissions, Roles.PrivilegeRules.Credentials, now, cancellationToken, created: true);
            if (!granted.IsSuccess)
            {
                return granted.Error;
            }

            var entry = AuditEntry.For(caller, AuditActions.UserCreate, AuditResourceTypes.User, id, AuditChanges.Diff(null, document)) with { After = new ResourceRow(id, 1, now, now, json) };
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            return ResourceDocuments.ToResource(document, new ResourceRow(id, 1, now, now, json), UserSql.ResourceType);
        }, cancellationToken);
    }
}
