using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Onboarding;
using Roster.Directory.Tenants;

namespace Roster.Directory.Operators;

/// <summary>
/// Tenants as the operator manages them (the operator API, the CLI): create (with the
/// Administrator role the first administrator gets), list a page at a time, rename, delete with
/// every row they own. Each change is in the operator's trail (<see cref="OperatorEvents"/>) and,
/// while the tenant exists, in its own audit log.
/// </summary>
public sealed class OperatorTenants(DirectoryDatabase database, FindTenant findTenant, CreateTenant createTenant, OAuthClientRegistry clients)
{
    /// <summary>The length of <c>tenants.name</c>.</summary>
    public const int MaxNameLength = 200;

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>A page of the tenants, oldest first; <paramref name="page"/> counts from 1.</summary>
    public async Task<AdminResult<TenantPage>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return AdminError.Validation($"The page size must be a whole number between 1 and {MaxPageSize}.") with { Field = "pageSize" };
        }

        if (page < 1 || (long)(page - 1) * pageSize > int.MaxValue)
        {
            return AdminError.Validation("Pages are numbered from 1.") with { Field = "page" };
        }

        await using var db = database.CreateContext(Guid.Empty);
        var total = await db.Tenants.CountAsync(cancellationToken);
        var rows = await db.Tenants.AsNoTracking().OrderBy(t => t.Created).ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new TenantPage(rows, page, pageSize, total);
    }

    public async Task<AdminResult<Tenant>> FindAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await findTenant.ExecuteAsync(tenantId, cancellationToken) is { } tenant ? tenant : SetupLinkErrors.TenantNotFound(tenantId);

    public async Task<AdminResult<Tenant>> CreateAsync(OperatorActor actor, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Name(name) is not { } valid)
        {
            return NameError();
        }

        var tenant = await createTenant.ExecuteAsync(valid, cancellationToken);
        return await database.AdminWriteAsync<Tenant>(tenant.Id, async session =>
        {
            var admin = actor.In(tenant.Id);
            if (await TenantAdministrators.EnsureRoleAsync(session, admin, await TenantAdministrators.RoleIdAsync(session, cancellationToken), cancellationToken) is { } refused)
            {
                return refused;
            }

            var changes = new JsonObject { ["name"] = tenant.Name };
            await AuditTrail.AppendAsync(session, AuditEntry.For(admin, OperatorEvents.TenantCreate, OperatorEvents.TenantResource, tenant.Id, changes), session.Now, cancellationToken);
            await OperatorEvents.AppendAsync(session, actor, OperatorEvents.TenantCreate, tenant.Id, (JsonObject)changes.DeepClone(), cancellationToken);
            return tenant;
        }, cancellationToken);
    }

    public async Task<AdminResult<Tenant>> RenameAsync(OperatorActor actor, Guid tenantId, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Name(name) is not { } valid)
        {
            return NameError();
        }

        return await database.AdminWriteAsync<Tenant>(tenantId, async session =>
        {
            if (await ReadAsync(session, cancellationToken) is not { } before)
            {
                return SetupLinkErrors.TenantNotFound(tenantId);
            }

            var parameters = session.Parameters();
            await session.ExecuteAsync($"UPDATE tenants SET name = {parameters.Add(valid)} WHERE id = {SqlParameters.Tenant}", parameters, cancellationToken);
            var changes = new JsonObject { ["name"] = new JsonObject { ["before"] = before.Name, ["after"] = valid } };
            var admin = actor.In(tenantId);
            await AuditTrail.AppendAsync(session, AuditEntry.For(admin, OperatorEvents.TenantRename, OperatorEvents.TenantResource, tenantId, changes), session.Now, cancellationToken);
            await OperatorEvents.AppendAsync(session, actor, OperatorEvents.TenantRename, tenantId, (JsonObject)changes.DeepClone(), cancellationToken);
            return new Tenant { Id = tenantId, Name = valid, Created = before.Created };
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes the tenant and every row it owns (<see cref="TenantRows"/>) in one transaction, then
    /// the OAuth clients of its access keys and apps with their tokens and consents. Nothing of
    /// another tenant is touched: every statement binds this tenant's id.
    /// </summary>
    public async Task<AdminResult<Tenant>> DeleteAsync(OperatorActor actor, Guid tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        List<string> clientIds = [];
        var deleted = await database.AdminWriteAsync<Tenant>(tenantId, async session =>
        {
            if (await ReadAsync(session, cancellationToken) is not { } tenant)
            {
                return SetupLinkErrors.TenantNotFound(tenantId);
            }

            clientIds.AddRange(await session.QueryAsync($"SELECT key_id FROM access_keys WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), r => r.GetString(0), cancellationToken));
            clientIds.AddRange(await session.QueryAsync($"SELECT client_id FROM app_registrations WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), r => r.GetString(0), cancellationToken));
            var rows = new JsonObject();
            foreach (var table in TenantRows.TablesInDeleteOrder(session.Model))
            {
                rows[table] = await session.ExecuteAsync($"DELETE FROM {table} WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), cancellationToken);
            }

            await session.ExecuteAsync($"DELETE FROM tenants WHERE id = {SqlParameters.Tenant}", session.Parameters(), cancellationToken);
            await OperatorEvents.AppendAsync(session, actor, OperatorEvents.TenantDelete, tenantId, new JsonObject { ["name"] = tenant.Name, ["rows"] = rows }, cancellationToken);
            return tenant;
        }, cancellationToken);

        foreach (var clientId in clientIds)
        {
            await clients.DeleteAsync(clientId, cancellationToken);
        }

        return deleted;
    }

    private static async Task<Tenant?> ReadAsync(SqlSession session, CancellationToken cancellationToken) =>
        await session.QueryAsync(
            $"SELECT name, created FROM tenants WHERE id = {SqlParameters.Tenant}", session.Parameters(),
            reader => new Tenant { Id = session.TenantId, Name = reader.GetString(0), Created = session.Dialect.ReadTimestamp(reader, 1) }, cancellationToken) is [var tenant] ? tenant : null;

    private static string? Name(string? name) => name?.Trim() is { Length: > 0 and <= MaxNameLength } trimmed && !trimmed.Any(char.IsControl) ? trimmed : null;

    private static AdminError NameError() => AdminError.Validation($"A tenant needs a name of 1 to {MaxNameLength} characters (no control characters).");
}
