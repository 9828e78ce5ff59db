using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.Tokens;

/// <summary>
/// SCIM bearer tokens: issued once in plain text, stored as a SHA-256 hash (ARCHITECTURE
/// decision 7), owned by an employee profile that is credited with their changes, checked on
/// every SCIM request by <see cref="ScimTokenVerifier"/>. Issuing one for a profile needs every
/// permission it holds; the token keeps the issuer's permissions as its ceiling.
/// </summary>
public sealed class ScimTokenService(DirectoryDatabase database, TimeProvider time, ScimTokenVerifier verifier) : IScimTokenService
{
    private const int MaxNameLength = 200;

    public async Task<AdminResult<IssuedScimToken>> IssueAsync(AdminActor actor, ScimTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return ScimTokenErrors.NameRequired();
        }

        if (name.Length > MaxNameLength)
        {
            return ScimTokenErrors.NameTooLong();
        }

        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var expires = ScimDateTime.Truncate(request.Expires ?? now + ScimTokenPolicy.DefaultLifetime);
        if (expires <= now)
        {
            return ScimTokenErrors.ExpiryInPast();
        }

        return await database.AdminWriteAsync<IssuedScimToken>(actor.TenantId, async session =>
        {
            var owner = await CredentialOwners.ReadAsync(session, request.OwnerId, cancellationToken);
            if (owner is null)
            {
                return ScimTokenErrors.OwnerNotFound(request.OwnerId);
            }

            if (owner.IsDeactivated)
            {
                return ScimTokenErrors.OwnerDeactivated(request.OwnerId);
            }

            if (owner.RefuseIssue(actor.Permissions, "a SCIM token") is { } refused)
            {
                return AdminError.Forbidden(refused);
            }

            var maxDays = await ScimTokenSql.MaxDaysAsync(session, cancellationToken);
            if (expires > now.AddDays(maxDays))
            {
                return ScimTokenErrors.ExpiryTooFar(maxDays);
            }

            var ceiling = PrivilegeRules.CeilingFor(actor.Permissions, actor.ProfileId, owner.Employee.Id);
            return await InsertAsync(session, actor, name, expires, owner.Employee.Id, ceiling, now, cancellationToken);
        }, cancellationToken);
    }

    public async Task<IssuedScimToken> IssueAsync(Guid tenantId, string name, DateTimeOffset? expires, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var result = await database.AdminWriteAsync<IssuedScimToken>(tenantId, async session =>
        {
            if (await session.ScalarAsync($"SELECT 1 FROM tenants WHERE id = {Filtering.SqlParameters.Tenant}", session.Parameters(), cancellationToken) is null)
            {
                throw new InvalidOperationException($"There is no tenant {tenantId}.");
            }

            return await InsertAsync(session, AdminActor.Operator(tenantId), name.Trim(), expires is { } at ? ScimDateTime.Truncate(at) : null, null, null, now, cancellationToken);
        }, cancellationToken);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Detail);
    }

    public async Task<IReadOnlyList<ScimTokenSummary>> ListAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await ScimTokenSql.ListAsync(session, time.GetUtcNow(), cancellationToken);
    }

    public async Task<AdminResult<ScimTokenSummary>> RevokeAsync(AdminActor actor, Guid tokenId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        return await database.AdminWriteAsync<ScimTokenSummary>(actor.TenantId, async session =>
        {
            var before = await ScimTokenSql.ReadAsync(session, tokenId, now, cancellationToken);
            if (before is null)
            {
                return ScimTokenErrors.NotFound(tokenId);
            }

            if (before.Revoked is not null)
            {
                return before;
            }

            await ScimTokenSql.RevokeAsync(session, tokenId, now, cancellationToken);
            var after = (await ScimTokenSql.ReadAsync(session, tokenId, now, cancellationToken))!;
            var changes = AuditChanges.Diff(ScimTokenSql.ToAuditJson(before), ScimTokenSql.ToAuditJson(after));
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.ScimTokenRevoke, AuditResourceTypes.ScimToken, tokenId, changes), now, cancellationToken);
            return after;
        }, cancellationToken);
    }

    public Task<TokenAuthentication> AuthenticateAsync(string presentedToken, string? client, CancellationToken cancellationToken) =>
        verifier.VerifyAsync(presentedToken, client, cancellationToken);

    private static async Task<AdminResult<IssuedScimToken>> InsertAsync(
        SqlSession session, AdminActor actor, string name, DateTimeOffset? expires, Guid? ownerId, string? ceiling, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = ScimTokenFormat.Generate();
        var token = new ScimToken
        {
            TenantId = actor.TenantId,
            Id = Guid.CreateVersion7(now),
            Name = name,
            Hash = ScimTokenFormat.Hash(text),
            Hint = ScimTokenFormat.Hint(text),
            Created = now,
            Expires = expires,
            OwnerId = ownerId,
            PermissionCeiling = ceiling,
        };
        await ScimTokenSql.InsertAsync(session, token, cancellationToken);
        var summary = (await ScimTokenSql.ReadAsync(session, token.Id, now, cancellationToken))!;
        var entry = AuditEntry.For(actor, AuditActions.ScimTokenCreate, AuditResourceTypes.ScimToken, token.Id, AuditChanges.Diff(null, ScimTokenSql.ToAuditJson(summary)));
        await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
        return new IssuedScimToken(token.Id, actor.TenantId, name, text, now, expires, ownerId);
    }
}
