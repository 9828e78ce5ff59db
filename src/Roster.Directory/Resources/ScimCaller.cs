namespace Roster.Directory.Resources;

/// <summary>Who makes a SCIM request: the tenant, the credential and the client seen.</summary>
/// <param name="TenantId">The tenant the credential belongs to.</param>
/// <param name="CredentialId">The SCIM token (or other credential) used.</param>
/// <param name="Client">The client identified from the request (Okta, Entra ID, other).</param>
public sealed record ScimCaller(Guid TenantId, Guid? CredentialId, string Client);
