namespace Roster.Directory.Tokens;

/// <summary>Issues, lists, revokes and checks per-tenant SCIM bearer tokens.</summary>
public interface IScimTokenService
{
    /// <summary>Issues a token; <paramref name="expires"/> null means it never expires.</summary>
    Task<IssuedScimToken> IssueAsync(Guid tenantId, string name, DateTimeOffset? expires, CancellationToken cancellationToken);

    Task<IReadOnlyList<ScimTokenSummary>> ListAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>Revokes a token at once; false when the id is unknown in that tenant.</summary>
    Task<bool> RevokeAsync(Guid tenantId, Guid tokenId, CancellationToken cancellationToken);

    /// <summary>Checks a presented token (hash lookup, constant-time compare, expiry, revocation).</summary>
    Task<TokenAuthentication> AuthenticateAsync(string presentedToken, CancellationToken cancellationToken);
}
