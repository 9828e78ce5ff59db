using System.Data.Common;
using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Groups;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Resources;

namespace Roster.Directory.Users;

/// <summary>
/// The common end of PUT and PATCH. <see cref="ApplyAsync"/> computes the new document outside
/// the write gate, from the user as read, and then writes it inside the gate if the stored
/// document is still the one it was computed from (optimistic concurrency): a PATCH of many
/// operations over many values costs CPU, and SQLite's one writer per process must not wait for
/// it. <see cref="WriteAsync"/> is the write itself: the tenant's <see cref="ProvisioningPolicy"/>,
/// then the new document and columns at the next version and the <c>user.update</c> audit event,
/// all in the caller's transaction.
/// </summary>
internal static class UserUpdate
{
    /// <summary>
    /// Reads user <paramref name="key"/>, checks <paramref name="expectedVersion"/> (If-Match),
    /// computes the previous and new documents with <paramref name="change"/> and checks the
    /// multi-valued limit, all without the write gate; then, in a write session, stores the change
    /// if the user's document is unchanged, or starts again (at most <see cref="DirectoryDatabase.WriteAttempts"/> times).
    /// </summary>
    public static async Task<ScimResult<StoredResource>> ApplyAsync(
        DirectoryDatabase database,
        ScimCaller caller,
        Guid key,
        string id,
        long? expectedVersion,
        Func<ResourceRow, ScimResult<(JsonObject Previous, JsonObject Next)>> change,
        TimeProvider time,
        bool includeGroups,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < DirectoryDatabase.WriteAttempts; attempt++)
        {
            ResourceRow? read;
            await using (var reading = await database.ReadAsync(caller.TenantId, cancellationToken))
            {
                read = await UserSql.ReadAsync(reading, key, cancellationToken);
            }

            if (read is null)
            {
                return ResourceErrors.NotFound(UserSql.ResourceType, id);
            }

            if (ResourceErrors.CheckVersion(UserSql.ResourceType, id, expectedVersion, read.Version) is { } mismatch)
            {
                return mismatch;
            }

            var changed = change(read);
            if (!changed.IsSuccess)
            {
                return changed.Error;
            }

            var (previous, next) = changed.Value;
            if (MultiValuedLimit.Check(previous, next, caller.Schemas.User, database.Limits.MaxValuesPerAttribute) is { } tooMany)
            {
                return tooMany;
            }

            await using var session = await database.WriteAsync(caller.TenantId, cancellationToken);
            var current = await UserSql.ReadAsync(session, key, cancellationToken);
            if (current is null)
            {
                return ResourceErrors.NotFound(UserSql.ResourceType, id);
            }

            if (!string.Equals(current.Document, read.Document, StringComparison.Ordinal))
            {
                // Another write changed the user since it was read: compute the change again on what is stored now.
                continue;
            }

            if (ResourceErrors.CheckVersion(UserSql.ResourceType, id, expectedVersion, current.Version) is { } moved)
            {
                return moved;
            }

            var written = await WriteAsync(session, caller, current, previous, next, time, cancellationToken);
            if (!written.IsSuccess)
            {
                return written;
            }

            await session.CommitAsync(cancellationToken);
            return includeGroups
                ? await Memberships.AddToAsync(database, caller.TenantId, MembershipSide.GroupsOfUser, key, written.Value, cancellationToken)
                : written;
        }

        return ResourceErrors.ChangedMeanwhile(UserSql.ResourceType, id, DirectoryDatabase.WriteAttempts);
    }

    public static async Task<ScimResult<StoredResource>> WriteAsync(
        SqlSession session, ScimCaller caller, ResourceRow row, JsonObject previousDocument, JsonObject newDocument, TimeProvider time, CancellationToken cancellationToken)
    {
        if (UserNames.Prepare(newDocument, previousDocument) is { } badName)
        {
            return badName;
        }

        var policy = await ProvisioningPolicy.ApplyAsync(session, row.Id, previousDocument, newDocument, caller.Permissions, Roles.PrivilegeRules.Credentials, cancellationToken);
        if (!policy.IsSuccess)
        {
            return policy.Error;
        }

        var previous = UserColumns.From(previousDocument);
        var document = ResourceDocuments.ForStorage(newDocument, row.Id);
        await ManagerDisplayName.FillAsync(session, document, cancellationToken);
        if (await SchemaExtensions.ExtensionUniqueness.CheckAsync(session, caller.Schemas, caller.Schemas.User, Filtering.ResourceTable.Users, row.Id, document, cancellationToken) is { } notUnique)
        {
            return notUnique;
        }

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
            await UserSql.UpdateAsync(session, row.Id, columns.Value, previous.Value, now, version, json, cancellationToken);
        }
        catch (DbException e) when (session.Dialect.IsUniqueViolation(e))
        {
            return UserErrors.UserNameTaken(columns.Value.UserName);
        }

        var granted = await policy.Value.GrantAsync(session, row.Id, document, caller.Permissions, Roles.PrivilegeRules.Credentials, now, cancellationToken);
        if (!granted.IsSuccess)
        {
            return granted.Error;
        }

        var entry = AuditEntry.For(caller, AuditActions.UserUpdate, AuditResourceTypes.User, row.Id, AuditChanges.Diff(previousDocument, document))
            with
        { After = row with { Version = version, LastModified = now, Document = json } };
        await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
        return ResourceDocuments.ToResource(document, row with { Version = version, LastModified = now, Document = json }, UserSql.ResourceType);
    }
}
