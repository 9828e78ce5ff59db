using Roster.Directory.Administration;

namespace Roster.Directory.Tokens;

/// <summary>Issues, lists, revokes and checks per-tenant SCIM bearer tokens.</summary>
public interface IScimTokenService
{
    /// <summary>
    /// Issues a token owned by an employee profile, within the tenant's lifetime policy; audited
    /// as <c>scim_token.create</c>. The plaintext is in the result and nowhere else.
    /// </summary>
    Task<AdminResult<IssuedScimToken>> IssueAsync(AdminActor actor, ScimTokenRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Issues an operator's token (CLI, first start) without an owner; <paramref name="expires"/>
    /// null means it never expires. Audited as <c>scim_token.create</c> by the operator.
    /// </summary>
    Task<IssuedScimToken> IssueAsync(Guid tenantId, string name, DateTimeOffset? expires, CancellationToken cancellationToken);

    Task<IReadOnlyList<ScimTokenSummary>> ListAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>Revokes a token at once; audited as <c>scim_token.revoke</c>. Revoking a revoked token changes nothing.</summary>
    Task<AdminResult<ScimTokenSummary>> RevokeAsync(AdminActor actor, Guid tokenId, CancellationToken cancellationToken);

    /// <summary>The operator revokes a token; false when the id is unknown in that tenant.</summary>
    async Task<bool> RevokeAsync(Guid tenantId, Guid tokenId, CancellationToken cancellationToken) =>
        (await RevokeAsync(AdminActor.Operator(tenantId), tokenId, cancellationToken)).IsSuccess;

    /// <summary>
    /// Checks a presented token (format, hash lookup, constant-time compare, expiry, revocation,
    /// the owner's status) and notes its use by <paramref name="client"/>.
    /// </summary>
    Task<TokenAuthentication> AuthenticateAsync(string presentedToken, string? client, CancellationToken cancellationToken);

    Task<TokenAuthentication> AuthenticateAsync(string presentedToken, CancellationToken cancellationToken) =>
        AuthenticateAsync(presentedToken, null, cancellationToken);
}
