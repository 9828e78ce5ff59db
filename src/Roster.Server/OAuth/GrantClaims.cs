using Roster.Directory.Credentials;

namespace Roster.Server.OAuth;

/// <summary>What Roster's claims in an OAuth token say: tenant, credential, the person it acts for, and whether that person consented.</summary>
/// <param name="TenantId">The tenant every token of the grant is bound to.</param>
/// <param name="Kind">Access key or app.</param>
/// <param name="CredentialId">The access key's or app registration's id.</param>
/// <param name="PersonId">The person the grant acts for; null for the operator's back-end apps.</param>
/// <param name="Delegated">True for the authorization code flow (<see cref="OAuthClaims.Delegated"/>).</param>
public sealed record GrantClaims(Guid TenantId, OAuthClientKind Kind, Guid CredentialId, Guid? PersonId, bool Delegated);
