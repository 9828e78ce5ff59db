using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;

namespace Roster.Directory.Tokens;

/// <summary>
/// What issuing a token writes, for an owner's token and an operator's alike: the token (its hash
/// and hint, never the plaintext) and its <c>scim_token.create</c> audit entry, in the caller's
/// write session.
/// </summary>
internal static class ScimTokenIssuance
{
    public static async Task<AdminResult<IssuedScimToken>> InsertAsync(
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
